package io.agentledger.command.agent.execution;

import io.agentledger.command.agent.sandbox.PythonSandbox;
import io.agentledger.command.agent.sandbox.SandboxLimits;
import io.agentledger.kernel.agent.ExecutionCommands.CancelExecution;
import io.agentledger.kernel.agent.ExecutionStatus;
import io.agentledger.kernel.agent.ExecutionView;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Executions: seed 001's {@code POST /runtime/{agent_id}/execute} (answers when the execution ends, or
 * when its timeout has passed) and seed 003's {@code POST /agents/{id}/execute} (queued, or waited for
 * with {@code wait_for_completion}); cancel from either. A package's entrypoint gets 001's payload, or
 * 003's command as {@code {action, ...parameters}}.
 */
@RestController
@PreAuthorize("hasAuthority('write:agents')")
public class AgentExecutionController {

    private static final Duration WAIT_MARGIN = Duration.ofSeconds(5);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final PythonSandbox sandbox;
    private final SandboxLimits limits;
    private final ExecutionWaits waits;
    private final AgentExecutions executions;
    private final Clock clock;

    public AgentExecutionController(CommandGateway commands, QueryGateway queries, PythonSandbox sandbox,
                                    SandboxLimits limits, ExecutionWaits waits, AgentExecutions executions,
                                    Clock clock) {
        this.executions = executions;
        this.waits = waits;
        this.commands = commands;
        this.queries = queries;
        this.sandbox = sandbox;
        this.limits = limits;
        this.clock = clock;
    }

    record RuntimeExecuteRequest(@NotNull @Size(max = 200) Map<String, Object> payload, @Size(max = 64) String version,
                                 @Positive Long timeoutMs) {
    }

    public record AgentExecuteRequest(@NotNull @Size(max = 50) Map<String, Object> command, Boolean waitForCompletion,
                               @Positive Long timeoutMs) {
    }

    @PostMapping("/api/v1/runtime/{agentId}/execute")
    public ResponseEntity<ExecutionView> runtimeExecute(@PathVariable String agentId,
                                                        @Valid @RequestBody RuntimeExecuteRequest body,
                                                        @AuthenticationPrincipal Caller caller) {
        Duration timeout = timeout(body.timeoutMs());
        String executionId = executions.request(agentId, body.version(), body.payload(), null, timeout, caller);
        return ResponseEntity.status(HttpStatus.CREATED).body(awaitEnd(executionId, caller, timeout));
    }

    @PostMapping("/api/v1/agents/{agentId}/execute")
    public ResponseEntity<Map<String, Object>> agentExecute(@PathVariable String agentId,
                                                            @Valid @RequestBody AgentExecuteRequest body,
                                                            @AuthenticationPrincipal Caller caller) {
        Duration timeout = timeout(body.timeoutMs());
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("action", body.command().get("action"));
        if (body.command().get("parameters") instanceof Map<?, ?> parameters) {
            parameters.forEach((key, value) -> input.put(String.valueOf(key), value));
        }
        String executionId = executions.request(agentId, null, input, body.command(), timeout, caller);
        boolean wait = Boolean.TRUE.equals(body.waitForCompletion());
        ExecutionView execution = wait ? awaitEnd(executionId, caller, timeout) : find(executionId, caller);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("execution_id", executionId);
        data.put("status", AgentExecutions.paiosStatus(execution == null ? ExecutionStatus.PENDING : execution.status()));
        if (execution != null && execution.status().ended()) {
            data.put("result", AgentExecutions.paiosResult(execution));
        }
        return ResponseEntity.status(wait ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(Map.of("success", execution == null || execution.status() != ExecutionStatus.FAILED,
                        "data", data));
    }

    @PostMapping("/api/v1/runtime/executions/{executionId}/cancel")
    public ExecutionView cancel(@PathVariable String executionId, @AuthenticationPrincipal Caller caller) {
        if (find(executionId, caller) == null) {
            throw DomainException.notFound("Execution " + executionId + " not found");
        }
        commands.sendAndWait(new CancelExecution(executionId, caller.tenantId(), caller.userId()));
        sandbox.cancel(executionId);
        return awaitEnd(executionId, caller, Duration.ZERO);
    }

    private Duration timeout(Long timeoutMs) {
        if (timeoutMs == null) {
            return limits.defaultTimeout();
        }
        if (timeoutMs > limits.maxTimeout().toMillis()) {
            throw DomainException.invalid("timeout_ms must be at most " + limits.maxTimeout().toMillis());
        }
        return Duration.ofMillis(timeoutMs);
    }

    /** The execution once it ended, or as it stands when {@code timeout} (and a margin for the queue) passed. */
    private ExecutionView awaitEnd(String executionId, Caller caller, Duration timeout) {
        return waits.until(executionId, caller.tenantId(), clock.instant().plus(timeout).plus(WAIT_MARGIN));
    }

    private ExecutionView find(String executionId, Caller caller) {
        return waits.find(executionId, caller.tenantId());
    }
}
