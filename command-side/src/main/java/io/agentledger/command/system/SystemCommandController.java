package io.agentledger.command.system;

import io.agentledger.command.system.SystemRequests.ModifyRequest;
import io.agentledger.command.system.SystemRequests.PutConfigRequest;
import io.agentledger.command.system.SystemRequests.RollbackRequest;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.system.ModificationType;
import io.agentledger.kernel.system.ModificationView;
import io.agentledger.kernel.system.SystemCommands.RollbackPlan;
import io.agentledger.kernel.system.SystemCommands.RollbackStep;
import io.agentledger.kernel.system.SystemEvent.ValueChange;
import io.agentledger.kernel.system.SystemQueries.FindModification;
import jakarta.validation.Valid;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Seed 003's system modifications and rollbacks of the caller's tenant. */
@RestController
@RequestMapping("/api/v1/system")
@PreAuthorize("hasAuthority('manage:system')")
public class SystemCommandController {

    private final SystemService system;
    private final QueryGateway queries;

    public SystemCommandController(SystemService system, QueryGateway queries) {
        this.system = system;
        this.queries = queries;
    }

    @PostMapping("/modify")
    @ResponseStatus(HttpStatus.CREATED)
    public ModificationView modify(@Valid @RequestBody ModifyRequest body, @AuthenticationPrincipal Caller caller) {
        String id = system.modify(caller, body.type(), body.description(), body.changes(), body.impactAssessment());
        return find(caller, id);
    }

    @PutMapping("/config")
    public ModificationView put(@Valid @RequestBody PutConfigRequest body, @AuthenticationPrincipal Caller caller) {
        String id = system.modify(caller, ModificationType.SYSTEM_SETTING,
                body.description() == null || body.description().isBlank() ? "Configuration update"
                        : body.description(), body.settings(), null);
        return find(caller, id);
    }

    /** A dry run answers 200 with what would happen; a rollback done, 201. */
    @PostMapping("/rollback")
    public ResponseEntity<Map<String, Object>> rollBack(@Valid @RequestBody RollbackRequest body,
                                                        @AuthenticationPrincipal Caller caller) {
        boolean dryRun = Boolean.TRUE.equals(body.dryRun());
        RollbackPlan plan = system.rollBack(caller, body.modificationId(), body.to(),
                Boolean.TRUE.equals(body.cascade()), dryRun, body.reason());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("dry_run", dryRun);
        answer.put("rolled_back", plan.steps().stream().flatMap(step -> step.modificationIds().stream()).toList());
        answer.put("diff", netDiff(plan.steps()));
        answer.put("modifications", dryRun ? plan.steps() : plan.steps().stream()
                .map(step -> find(caller, step.rollbackId())).toList());
        return ResponseEntity.status(dryRun ? HttpStatus.OK : HttpStatus.CREATED).body(answer);
    }

    private static Map<String, ValueChange> netDiff(List<RollbackStep> steps) {
        Map<String, ValueChange> diff = new LinkedHashMap<>();
        steps.forEach(step -> step.changes().forEach((key, change) -> diff.merge(key, change,
                (first, later) -> new ValueChange(first.before(), later.after()))));
        return diff;
    }

    private ModificationView find(Caller caller, String modificationId) {
        return queries.query(new FindModification(caller.tenantId(), modificationId), ModificationView.class).join();
    }
}
