package io.agentledger.bench.reference;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
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

    /** Each client of the harness writes as a tenant of its own ({@code X-Tenant}), as it does on the service. */
    @PostMapping("/goals")
    ResponseEntity<ReferenceGoal> create(@RequestBody Map<String, String> body,
                                         @RequestHeader(name = "X-Tenant", defaultValue = "tenant_reference")
                                         String tenant) {
        ReferenceGoal goal = new ReferenceGoal(UUID.randomUUID().toString(), tenant, "user_reference",
                body.get("text"), body.getOrDefault("priority", "medium"), Instant.now());
        return ResponseEntity.status(HttpStatus.CREATED).body(goals.save(goal));
    }

    @GetMapping("/goals/{id}")
    ResponseEntity<ReferenceGoal> get(@PathVariable String id,
                                      @RequestHeader(name = "X-Tenant", defaultValue = "tenant_reference") String tenant) {
        return goals.findById(id).filter(goal -> goal.getTenantId().equals(tenant)).map(ResponseEntity::ok)
                .orElse(ResponseEntity.notFound().build());
    }

    @GetMapping("/goals")
    Map<String, Object> list(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size,
                             @RequestHeader(name = "X-Tenant", defaultValue = "tenant_reference") String tenant) {
        Page<ReferenceGoal> found = goals.findByTenantIdOrderByCreatedAtDesc(tenant, PageRequest.of(page - 1, size));
        return Map.of("items", found.getContent(), "total", found.getTotalElements(), "page", page, "size", size);
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
