package io.agentledger.command.task.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.axon.metadata.AuditMetadata;
import io.agentledger.command.run.runtime.AgentRuntime;
import io.agentledger.command.run.runtime.AgentRuntime.Outcome;
import io.agentledger.command.run.runtime.InstructionsNotUnderstood;
import io.agentledger.command.run.runtime.OfflineAgentRuntime;
import io.agentledger.command.run.runtime.ProviderFailure;
import io.agentledger.command.run.runtime.TaskTurns.Call;
import io.agentledger.command.run.runtime.TaskTurns.Turn;
import io.agentledger.command.task.workspace.TaskWorkspaces;
import io.agentledger.command.task.workspace.WorkspaceTools;
import io.agentledger.kernel.id.IdPrefix;
import io.agentledger.kernel.id.Ids;
import io.agentledger.kernel.task.TaskCommands.CallTool;
import io.agentledger.kernel.task.TaskCommands.CompleteTask;
import io.agentledger.kernel.task.TaskCommands.FailTask;
import io.agentledger.kernel.task.TaskCommands.RecordTurn;
import io.agentledger.kernel.task.TaskCommands.ReturnTool;
import io.agentledger.kernel.task.TaskCommands.StartTask;
import io.agentledger.kernel.task.TaskCommands.StoredArtifact;
import io.agentledger.kernel.task.TaskCommands.TaskStart;
import io.agentledger.kernel.task.TaskStatus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Carries out a seed 002 task: asks the runtime for its next turn, makes the tool calls it asks for in
 * the session's workspace, each call and its result an event, keeps what a call wrote as an artifact,
 * and ends the task when the runtime is done, fails, or the iterations run out. A stop halts it between
 * steps and kills the command it is running.
 */
@Component
public class TaskEngine {

    static final String ACTOR = "system:task-engine";
    private static final Logger log = LoggerFactory.getLogger(TaskEngine.class);

    private final EventStore events;
    private final CommandGateway commands;
    private final AgentRuntime runtime;
    private final AgentRuntime offline = new OfflineAgentRuntime();
    private final WorkspaceTools tools;
    private final TaskWorkspaces workspaces;
    private final ObjectMapper json;
    private final Clock clock;
    private final int maxIterations;
    private final Set<String> halted = ConcurrentHashMap.newKeySet();

    public TaskEngine(EventStore events, CommandGateway commands, AgentRuntime runtime, WorkspaceTools tools,
                      TaskWorkspaces workspaces, ObjectMapper json, Clock clock,
                      @Value("${agentledger.tasks.max-iterations:25}") int maxIterations) {
        this.events = events;
        this.commands = commands;
        this.runtime = runtime;
        this.tools = tools;
        this.workspaces = workspaces;
        this.json = json;
        this.clock = clock;
        this.maxIterations = maxIterations;
    }

    /** The runtime a task asked for: the offline one when it says so, else the configured one. */
    public AgentRuntime runtimeFor(String provider) {
        return provider != null && provider.equals(OfflineAgentRuntime.PROVIDER) ? offline : runtime;
    }

    void halt(String taskId) {
        halted.add(taskId);
        tools.cancel(taskId);
    }

    void carryOut(String taskId, String worker) {
        halted.remove(taskId);
        TaskProgress task = progress(taskId);
        if (send(task, new StartTask(taskId, worker)) != TaskStart.RUN) {
            return;
        }
        try {
            while (!halted.contains(taskId) && takeTurn(progress(taskId))) {
                // each turn re-reads the task: input given meanwhile is part of its history
            }
        } catch (RuntimeException e) {
            log.warn("Task {} failed: {}", taskId, e.toString());
            send(task, new FailTask(taskId, "the task could not go on: " + e.getMessage(), "INTERNAL_ERROR"));
        } finally {
            halted.remove(taskId);
        }
    }

    /** @return whether to take another turn */
    private boolean takeTurn(TaskProgress task) {
        if (task.iterations >= maxIterations) {
            send(task, new FailTask(task.taskId, "Maximum iterations reached (" + maxIterations + ")",
                    "MAX_ITERATIONS_REACHED"));
            return false;
        }
        Outcome<Turn> outcome;
        try {
            outcome = runtimeFor(task.provider).act(task.description, WorkspaceTools.SPECS, task.history);
        } catch (InstructionsNotUnderstood e) {
            send(task, new FailTask(task.taskId, e.getMessage(), "NOT_UNDERSTOOD"));
            return false;
        } catch (ProviderFailure e) {
            send(task, new FailTask(task.taskId, e.getMessage(), "PROVIDER_ERROR"));
            return false;
        }
        Turn turn = outcome.value();
        var usage = outcome.usage();
        if (send(task, new RecordTurn(task.taskId, turn.text(), turn.plan(), usage.provider(), usage.model(),
                usage.inputTokens(), usage.outputTokens())) != TaskStatus.RUNNING) {
            return false;
        }
        if (turn.failure() != null) {
            send(task, new FailTask(task.taskId, turn.failure(), "STEP_FAILED"));
            return false;
        }
        if (turn.done()) {
            TaskProgress done = progress(task.taskId);
            send(task, new CompleteTask(task.taskId, turn.text(), plan(done)));
            return false;
        }
        int calls = task.calls;
        Path workspace = workspaces.workspace(task.tenantId, task.sessionId);
        for (Call call : turn.calls()) {
            String stepId = "step-" + (++calls);
            if (halted.contains(task.taskId)
                    || send(task, new CallTool(task.taskId, stepId, call.tool(), call.input())) != TaskStatus.RUNNING) {
                return false;
            }
            long started = clock.millis();
            WorkspaceTools.Outcome result = tools.call(task.taskId, workspace, call.tool(), call.input());
            StoredArtifact artifact = result.written() == null ? null : workspaces.store(task.tenantId, task.taskId,
                    Ids.newId(IdPrefix.TASK_ARTIFACT, clock), result.writtenPath(), result.written());
            if (send(task, new ReturnTool(task.taskId, stepId, call.tool(), result.output(), result.success(),
                    clock.millis() - started, artifact)) != TaskStatus.RUNNING) {
                return false;
            }
        }
        return true;
    }

    private StoredArtifact plan(TaskProgress task) {
        try {
            byte[] plan = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(Map.of("steps",
                    task.planWithStatus()));
            return workspaces.store(task.tenantId, task.taskId, Ids.newId(IdPrefix.TASK_ARTIFACT, clock), "plan.json",
                    plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private TaskProgress progress(String taskId) {
        List<Object> payloads = events.readEvents(taskId, 0).asStream().map(event -> (Object) event.getPayload())
                .toList();
        return TaskProgress.of(payloads);
    }

    @SuppressWarnings("unchecked")
    private <R> R send(TaskProgress task, Object command) {
        return (R) commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                AuditMetadata.USER_ID, ACTOR, AuditMetadata.TENANT_ID, task.tenantId,
                AuditMetadata.CORRELATION_ID, task.taskId)));
    }
}
