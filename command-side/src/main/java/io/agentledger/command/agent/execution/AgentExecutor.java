package io.agentledger.command.agent.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.command.agent.build.PackageLayout;
import io.agentledger.command.agent.build.PackageRejected;
import io.agentledger.command.agent.files.AgentFiles;
import io.agentledger.command.agent.sandbox.PythonSandbox;
import io.agentledger.command.agent.sandbox.SandboxResult;
import io.agentledger.command.run.runtime.AgentRuntime;
import io.agentledger.kernel.agent.AgentLogLine;
import io.agentledger.kernel.agent.AgentQueries.FindAgent;
import io.agentledger.kernel.agent.AgentView;
import io.agentledger.kernel.agent.ExecutionCommands.CompleteExecution;
import io.agentledger.kernel.agent.ExecutionCommands.ExecutionStart;
import io.agentledger.kernel.agent.ExecutionCommands.FailExecution;
import io.agentledger.kernel.agent.ExecutionCommands.Start;
import io.agentledger.kernel.agent.ExecutionCommands.StartExecution;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one execution: a package's entrypoint in the sandbox, or, for an agent without a package, its
 * request on the agent runtime with the agent's description and config as instructions. The outcome,
 * with the output and the log lines, becomes the execution's last event.
 */
@Component
public class AgentExecutor {

    private static final Logger log = LoggerFactory.getLogger(AgentExecutor.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final AgentFiles files;
    private final PythonSandbox sandbox;
    private final AgentRuntime runtime;
    private final Clock clock;

    public AgentExecutor(CommandGateway commands, QueryGateway queries, AgentFiles files, PythonSandbox sandbox,
                         AgentRuntime runtime, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.files = files;
        this.sandbox = sandbox;
        this.runtime = runtime;
        this.clock = clock;
    }

    public void execute(String executionId, String tenantId, String agentId, String worker) {
        ExecutionStart start = commands.sendAndWait(new StartExecution(executionId, worker));
        if (start.outcome() != Start.RUN) {
            return;
        }
        if (start.versionId() != null) {
            runPackage(executionId, tenantId, agentId, start);
        } else {
            runConfigured(executionId, tenantId, agentId, start);
        }
    }

    private void runPackage(String executionId, String tenantId, String agentId, ExecutionStart start) {
        Path root;
        try {
            root = PackageLayout.root(files.buildDir(tenantId, agentId, start.versionId()));
        } catch (IOException | PackageRejected e) {
            commands.sendAndWait(new FailExecution(executionId, "the version's build is gone: " + e.getMessage(),
                    false, 0, List.of()));
            return;
        }
        SandboxResult result = sandbox.run(executionId, root, start.entrypoint(), start.input(),
                Duration.ofMillis(start.timeoutMs()), PythonSandbox.Mode.CALL);
        List<AgentLogLine> lines = new ArrayList<>();
        result.logs().forEach(l -> lines.add(new AgentLogLine(l.at(), l.level(), "runtime", l.message())));
        if (result.truncated()) {
            lines.add(line("WARNING", "output beyond the cap was dropped"));
        }
        long took = result.duration().toMillis();
        if (result.cancelled()) {
            return;
        }
        if (result.ok()) {
            lines.add(line("INFO", "Execution " + executionId + " completed successfully"));
            commands.sendAndWait(new CompleteExecution(executionId, output(result.result()), took, lines));
        } else {
            lines.add(line("ERROR", "Execution " + executionId + " failed: " + result.error()));
            commands.sendAndWait(new FailExecution(executionId, result.error(), result.timedOut(), took, lines));
        }
    }

    private void runConfigured(String executionId, String tenantId, String agentId, ExecutionStart start) {
        Instant began = clock.instant();
        AgentView agent = queries.query(new FindAgent(agentId, tenantId), AgentView.class).join();
        try {
            AgentRuntime.Outcome<String> answer = runtime.respond(instructions(agent), request(start));
            long took = Duration.between(began, clock.instant()).toMillis();
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("success", true);
            output.put("data", answer.value());
            output.put("metadata", Map.of("execution_time", took, "resources_used",
                    List.of(answer.usage().provider() + ":" + answer.usage().model())));
            commands.sendAndWait(new CompleteExecution(executionId, output, took,
                    List.of(line("INFO", "Answered by " + answer.usage().provider() + " in " + took + " ms"))));
        } catch (RuntimeException e) {
            log.warn("Execution {} failed on the agent runtime: {}", executionId, e.toString());
            long took = Duration.between(began, clock.instant()).toMillis();
            commands.sendAndWait(new FailExecution(executionId, "the agent runtime failed: " + e.getMessage(), false,
                    took, List.of(line("ERROR", "the agent runtime failed: " + e.getMessage()))));
        }
    }

    private static String instructions(AgentView agent) {
        String config;
        try {
            config = JSON.writeValueAsString(agent == null ? Map.of() : agent.config());
        } catch (JsonProcessingException e) {
            config = "{}";
        }
        return "You are the agent \"" + (agent == null ? "unknown" : agent.name()) + "\""
                + (agent == null || agent.description() == null ? "" : ": " + agent.description())
                + ". Act on the user's request as your configuration says. Configuration: " + config;
    }

    private static String request(ExecutionStart start) {
        Map<String, Object> command = start.command();
        Object action = command == null ? null : command.get("action");
        try {
            if (action != null) {
                return action + " " + JSON.writeValueAsString(command.getOrDefault("parameters", Map.of()));
            }
            return JSON.writeValueAsString(start.input());
        } catch (JsonProcessingException e) {
            return String.valueOf(action);
        }
    }

    /** Seed 001 shows output as an object: a plain value is wrapped as {@code {"result": value}}. */
    private static Object output(Object result) {
        return result instanceof Map<?, ?> ? result : Map.of("result", result == null ? "" : result);
    }

    private AgentLogLine line(String level, String message) {
        return new AgentLogLine(clock.instant(), level, "runtime", message);
    }
}
