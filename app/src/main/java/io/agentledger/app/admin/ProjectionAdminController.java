package io.agentledger.app.admin;

import io.agentledger.command.credential.StepUpGuard;
import io.agentledger.command.system.PlatformAdmins;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * Projections: where each stands (position, head, lag) and their rebuild by replay. A read model
 * holds every tenant's rows, so this is for platform admins only, and a replay needs a step-up.
 */
@RestController
@RequestMapping("/api/v1/admin/projections")
public class ProjectionAdminController {

    private final ProjectionAdmin projections;
    private final PlatformAdmins platformAdmins;
    private final StepUpGuard stepUp;

    public ProjectionAdminController(ProjectionAdmin projections, PlatformAdmins platformAdmins,
                                     StepUpGuard stepUp) {
        this.projections = projections;
        this.platformAdmins = platformAdmins;
        this.stepUp = stepUp;
    }

    @GetMapping
    public Map<String, List<Map<String, Object>>> list(@AuthenticationPrincipal Caller caller) {
        platformAdmins.require(caller);
        return Map.of("items", projections.all());
    }

    @GetMapping("/{name}")
    public Map<String, Object> get(@PathVariable String name, @AuthenticationPrincipal Caller caller) {
        platformAdmins.require(caller);
        return projections.one(name);
    }

    /**
     * Starts the rebuild of the projections named (every one when the body names none) in one read of the
     * store, and answers at once; GET shows their progress.
     */
    @PostMapping("/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, List<Map<String, Object>>> replayTogether(@Valid @RequestBody(required = false) ReplayRequest request,
                                                                 @AuthenticationPrincipal Caller caller) {
        platformAdmins.require(caller);
        stepUp.require(caller);
        List<String> names = request == null || request.projections() == null ? List.of() : request.projections();
        if (names.stream().anyMatch(name -> name == null || name.isBlank())) {
            throw DomainException.invalid("projections: every entry must name a projection");
        }
        return Map.of("items", projections.replay(names));
    }

    /** Starts the rebuild and answers at once; GET shows its progress. */
    @PostMapping("/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, Object> replay(@PathVariable String name, @AuthenticationPrincipal Caller caller) {
        platformAdmins.require(caller);
        stepUp.require(caller);
        return projections.replay(name);
    }

    /** Projections to rebuild together; none named: every one. */
    public record ReplayRequest(@Size(max = 50) List<String> projections) {
    }
}
