package io.agentledger.command.system;

import io.agentledger.command.system.SystemRequests.ModifyRequest;
import io.agentledger.command.system.SystemRequests.PutConfigRequest;
import io.agentledger.command.system.SystemRequests.RollbackRequest;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.system.ModificationType;
import io.agentledger.kernel.system.ModificationView;
import io.agentledger.kernel.system.SystemCommands;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Seed 003's system modifications and rollbacks of the caller's tenant, or with {@code scope=platform} the platform's. */
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
    public ModificationView modify(@Valid @RequestBody ModifyRequest body,
                                   @RequestParam(required = false) String scope,
                                   @AuthenticationPrincipal Caller caller) {
        String owner = SystemCommands.ownerFor(scope, caller.tenantId());
        String id = system.modify(caller, owner, body.type(), body.description(), body.changes(), body.impactAssessment());
        return find(owner, id);
    }

    @PutMapping("/config")
    public ModificationView put(@Valid @RequestBody PutConfigRequest body, @RequestParam(required = false) String scope,
                                @AuthenticationPrincipal Caller caller) {
        String owner = SystemCommands.ownerFor(scope, caller.tenantId());
        String id = system.modify(caller, owner, ModificationType.SYSTEM_SETTING,
                body.description() == null || body.description().isBlank() ? "Configuration update"
                        : body.description(), body.settings(), null);
        return find(owner, id);
    }

    /** A dry run answers 200 with what would happen; a rollback done, 201. */
    @PostMapping("/rollback")
    public ResponseEntity<Map<String, Object>> rollBack(@Valid @RequestBody RollbackRequest body,
                                                        @RequestParam(required = false) String scope,
                                                        @AuthenticationPrincipal Caller caller) {
        boolean dryRun = Boolean.TRUE.equals(body.dryRun());
        String owner = SystemCommands.ownerFor(scope, caller.tenantId());
        RollbackPlan plan = system.rollBack(caller, owner, body.modificationId(), body.to(),
                Boolean.TRUE.equals(body.cascade()), dryRun, body.reason());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("dry_run", dryRun);
        answer.put("rolled_back", plan.steps().stream().flatMap(step -> step.modificationIds().stream()).toList());
        answer.put("diff", netDiff(plan.steps()));
        answer.put("modifications", dryRun ? plan.steps() : plan.steps().stream()
                .map(step -> find(owner, step.rollbackId())).toList());
        return ResponseEntity.status(dryRun ? HttpStatus.OK : HttpStatus.CREATED).body(answer);
    }

    private static Map<String, ValueChange> netDiff(List<RollbackStep> steps) {
        Map<String, ValueChange> diff = new LinkedHashMap<>();
        steps.forEach(step -> step.changes().forEach((key, change) -> diff.merge(key, change,
                (first, later) -> new ValueChange(first.before(), later.after()))));
        return diff;
    }

    private ModificationView find(String owner, String modificationId) {
        return queries.query(new FindModification(owner, modificationId), ModificationView.class).join();
    }
}
