package io.agentledger.command.live;

import io.agentledger.axon.errors.LiveFailure;
import io.agentledger.axon.input.NulCharacters;
import io.agentledger.command.audit.Refusals;
import io.agentledger.axon.metadata.AuditMetadata;
import io.agentledger.kernel.approval.ApprovalCommands.DecideApproval;
import io.agentledger.kernel.approval.ApprovalDecision;
import io.agentledger.kernel.error.ErrorCode;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.identity.Permission;
import io.agentledger.kernel.run.RunCommands.CancelRun;
import io.agentledger.kernel.run.RunCommands.ProvideInput;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The client messages of seeds 000 and 002 over RSocket: stop a run, give a waiting run input, decide an
 * approval. Each route serves request-response (an empty answer once done, or the error) and
 * fire-and-forget; what changes arrives on the live streams. Permissions and tenant walls are the REST API's.
 */
@Controller
public class LiveCommandRoutes {

    static final int MAX_INPUT = 4000;
    static final int MAX_COMMENTS = 2000;
    static final int MAX_PAYLOAD_KEYS = 100;
    static final int MAX_ID = 100;

    private final CommandGateway commands;
    private final Refusals refusals;

    public LiveCommandRoutes(CommandGateway commands, Refusals refusals) {
        this.commands = commands;
        this.refusals = refusals;
    }

    /** Seed 002's {@code stop}: the run is cancelled. */
    @MessageMapping("runs.{runId}.stop")
    public Mono<Void> stop(@DestinationVariable String runId, @AuthenticationPrincipal Caller caller) {
        return send(caller, "runs." + runId + ".stop", Permission.WRITE_RUNS, runId, null,
                () -> new CancelRun(runId, caller.tenantId(), caller.userId()));
    }

    /** Seed 002's {@code input}: {@code {"content": "…"}} for a paused run. */
    @MessageMapping("runs.{runId}.input")
    public Mono<Void> input(@DestinationVariable String runId, @Payload(required = false) InputMessage message,
                            @AuthenticationPrincipal Caller caller) {
        return send(caller, "runs." + runId + ".input", Permission.WRITE_RUNS, runId, message, () -> {
            String content = message == null ? null : message.content();
            if (content == null || content.isBlank()) {
                throw new LiveFailure(ErrorCode.VALIDATION_ERROR, "content is required");
            }
            if (content.length() > MAX_INPUT) {
                throw new LiveFailure(ErrorCode.VALIDATION_ERROR, "content must be at most " + MAX_INPUT
                        + " characters");
            }
            return new ProvideInput(runId, caller.tenantId(), content, caller.userId());
        });
    }

    /** {@code {"decision": "approve|reject|edit", "comments": "…", "payload": {…}}}, as the REST decision. */
    @MessageMapping("approvals.{approvalId}.decide")
    public Mono<Void> decide(@DestinationVariable String approvalId, @Payload(required = false) DecisionMessage message,
                             @AuthenticationPrincipal Caller caller) {
        return send(caller, "approvals." + approvalId + ".decide", Permission.WRITE_APPROVALS, approvalId, message,
                () -> {
            if (message == null || message.decision() == null) {
                throw new LiveFailure(ErrorCode.VALIDATION_ERROR, "decision is required: approve, reject or edit");
            }
            if (message.comments() != null && message.comments().length() > MAX_COMMENTS) {
                throw new LiveFailure(ErrorCode.VALIDATION_ERROR, "comments must be at most " + MAX_COMMENTS
                        + " characters");
            }
            if (message.payload() != null && message.payload().size() > MAX_PAYLOAD_KEYS) {
                throw new LiveFailure(ErrorCode.VALIDATION_ERROR, "payload must have at most " + MAX_PAYLOAD_KEYS
                        + " keys");
            }
            return new DecideApproval(approvalId, caller.tenantId(), message.decision(), message.comments(),
                    message.payload(), caller.userId());
        });
    }

    public record InputMessage(String content) {
    }

    public record DecisionMessage(ApprovalDecision decision, String comments, Map<String, Object> payload) {
    }

    /**
     * The REST API's rules at this edge too: the role's permission, an id of sane length, no NUL
     * anywhere; a refusal is recorded as a refused REST call would be.
     */
    private Mono<Void> send(Caller caller, String route, String permission, String id, Object message,
                            java.util.function.Supplier<Object> command) {
        Map<String, Object> metadata = metadata(caller);
        return Mono.fromRunnable(() -> {
                    if (!caller.can(permission)) {
                        throw new LiveFailure(ErrorCode.FORBIDDEN, "Your role does not allow this operation (needs "
                                + permission + ")");
                    }
                    if (id.length() > MAX_ID || id.indexOf('\0') >= 0) {
                        throw new LiveFailure(ErrorCode.VALIDATION_ERROR, "The id in the route is not valid");
                    }
                    NulCharacters.find(message).ifPresent(path -> {
                        throw new LiveFailure(ErrorCode.VALIDATION_ERROR, path + " " + NulCharacters.MESSAGE);
                    });
                    commands.sendAndWait(GenericCommandMessage.asCommandMessage(command.get())
                            .andMetaData(metadata));
                })
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(LiveFailure::of)
                .doOnError(LiveFailure.class, refused -> refusals.record(caller, "RSOCKET", route, refused.code(),
                        refused.detail(), metadata))
                .then();
    }

    /** What an HTTP request's events carry, with the connection standing in for the request. */
    private static Map<String, Object> metadata(Caller caller) {
        Map<String, Object> metadata = new HashMap<>();
        String requestId = "rsocket-" + UUID.randomUUID();
        metadata.put(AuditMetadata.USER_ID, caller.userId());
        metadata.put(AuditMetadata.TENANT_ID, caller.tenantId());
        metadata.put(AuditMetadata.REQUEST_ID, requestId);
        metadata.put(AuditMetadata.CORRELATION_ID, requestId);
        metadata.put(AuditMetadata.USER_AGENT, "rsocket");
        return metadata;
    }
}
