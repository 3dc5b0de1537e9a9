package io.agentledger.app.admin;

import io.agentledger.command.credential.StepUpGuard;
import io.agentledger.command.system.PlatformAdmins;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.query.web.PageParams;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Events the read models could not apply, parked per processing group. Every tenant's events wait
 * here, so only platform admins see them, and retrying or evicting one needs a step-up.
 */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
public class DeadLetterController {

    private final DeadLetters deadLetters;
    private final PlatformAdmins platformAdmins;
    private final StepUpGuard stepUp;

    public DeadLetterController(DeadLetters deadLetters, PlatformAdmins platformAdmins, StepUpGuard stepUp) {
        this.deadLetters = deadLetters;
        this.platformAdmins = platformAdmins;
        this.stepUp = stepUp;
    }

    @GetMapping
    public Map<String, Object> list(@RequestParam(name = "processing_group", required = false) String group,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size,
                                    @AuthenticationPrincipal Caller caller) {
        platformAdmins.require(caller);
        return deadLetters.page(group, PageParams.of(page, size));
    }

    @PostMapping("/{id}/retry")
    public Map<String, Object> retry(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
        platformAdmins.require(caller);
        stepUp.require(caller);
        return deadLetters.retry(id, caller);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void evict(@PathVariable String id, @Valid @RequestBody EvictRequest body,
                      @AuthenticationPrincipal Caller caller) {
        platformAdmins.require(caller);
        stepUp.require(caller);
        deadLetters.evict(id, body.reason().trim(), caller);
    }

    public record EvictRequest(@NotBlank @Size(max = 500) String reason) {
    }
}
