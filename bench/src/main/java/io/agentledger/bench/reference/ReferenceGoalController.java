package io.agentledger.bench.reference;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@RestController
class ReferenceGoalController {

    private final ReferenceGoalRepository goals;

    ReferenceGoalController(ReferenceGoalRepository goals) {
        this.goals = goals;
    }

    @GetMapping("/ready")
    Map<String, String> ready() {
        return Map.of("status", "ready");
    }

    @PostMapping("/goals")
    ResponseEntity<ReferenceGoal> create(@RequestBody Map<String, String> body) {
        ReferenceGoal goal = new ReferenceGoal(UUID.randomUUID().toString(), "tenant_reference", "user_reference",
                body.get("text"), body.getOrDefault("priority", "medium"), Instant.now());
        return ResponseEntity.status(HttpStatus.CREATED).body(goals.save(goal));
    }

    @PutMapping("/goals/{id}")
    @Transactional
    ResponseEntity<ReferenceGoal> update(@PathVariable String id, @RequestBody Map<String, String> body) {
        return goals.findById(id).map(goal -> {
            goal.update(body.get("text"), Instant.now());
            return ResponseEntity.ok(goals.saveAndFlush(goal));
        }).orElse(ResponseEntity.notFound().build());
    }
}
