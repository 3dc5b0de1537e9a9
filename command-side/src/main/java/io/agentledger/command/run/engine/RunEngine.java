package io.agentledger.command.run.engine;

import io.agentledger.axon.metadata.AuditMetadata;
import io.agentledger.command.run.runtime.AgentRuntime;
import io.agentledger.command.run.runtime.AgentRuntime.Outcome;
import io.agentledger.command.run.runtime.Usage;
import io.agentledger.command.run.tool.BuiltInTools;
import io.agentledger.command.run.tool.Tool;
import io.agentledger.command.run.tool.ToolLedger;
import io.agentledger.command.run.tool.SecretResolvingTool;
import io.agentledger.command.credential.SecretReferences;
import io.agentledger.command.mcp.McpTools;
import io.agentledger.kernel.approval.ApprovalCommands.RequestApproval;
import io.agentledger.kernel.approval.ApprovalDecision;
import io.agentledger.kernel.error.BusinessError;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.goal.GoalCommands.CompleteGoal;
import io.agentledger.kernel.goal.GoalCommands.PlanGoalTasks;
import io.agentledger.kernel.goal.PlannedTask;
import io.agentledger.kernel.run.RunCommands.BeginRun;
import io.agentledger.kernel.run.RunCommands.CompleteRun;
import io.agentledger.kernel.run.RunCommands.FailRun;
import io.agentledger.kernel.run.RunCommands.GateStep;
import io.agentledger.kernel.run.RunCommands.RecordCost;
import io.agentledger.kernel.run.RunCommands.RecordNodeResult;
import io.agentledger.kernel.run.RunCommands.RecordStep;
import io.agentledger.kernel.run.RunCommands.RecordToolCall;
import io.agentledger.kernel.run.RunCommands.StartNode;
import io.agentledger.kernel.run.RunStatus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.agentledger.command.system.SystemSettings;
import io.agentledger.kernel.system.SettingsSchema;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Drives a run through intent_router, planner, executor (one step per planned task) and summarizer.
 * It reads where the run stands from the run's own events and records every step as a command, so
 * it can stop anywhere and be started again: steps already on record are not repeated, and a tool
 * runs at most once per step key.
 */
@Component
public class RunEngine {

    static final String ACTOR = "system:run-engine";
    private static final Logger log = LoggerFactory.getLogger(RunEngine.class);

    private final EventStore events;
    private final CommandGateway commands;
    private final TransactionTemplate transaction;
    private final AgentRuntime runtime;
    private final BuiltInTools tools;
    private final ToolLedger ledger;
    private final SecretReferences secrets;
    private final SystemSettings settings;
    private final McpTools mcp;
    private final Clock clock;

    public RunEngine(EventStore events, CommandGateway commands, TransactionTemplate transaction,
                     AgentRuntime runtime, BuiltInTools tools, ToolLedger ledger, SecretReferences secrets,
                     SystemSettings settings, McpTools mcp, Clock clock) {
        this.mcp = mcp;
        this.events = events;
        this.commands = commands;
        this.transaction = transaction;
        this.runtime = runtime;
        this.tools = tools;
        this.ledger = ledger;
        this.secrets = secrets;
        this.settings = settings;
        this.clock = clock;
    }

    /** Takes steps while the run can move and {@code stillOurs} holds; returns when it waits or ends. */
    public void advance(String runId, BooleanSupplier stillOurs) {
        try {
            while (stillOurs.getAsBoolean() && step(progress(runId))) {
                log.debug("Run {} advanced", runId);
            }
        } catch (RunStopped stopped) {
            log.debug("Run {} stopped: {}", runId, stopped.getMessage());
        }
    }

    private RunProgress progress(String runId) {
        // from sequence 0: the plain readEvents(id) starts at the latest snapshot, which the fold cannot read
        List<Object> payloads = events.readEvents(runId, 0).asStream().map(Message::getPayload)
                .map(Object.class::cast).toList();
        return RunProgress.of(payloads);
    }

    /** @return whether there is more to do right away */
    private boolean step(RunProgress run) {
        if (run.status == null || run.status != RunStatus.RUNNING && run.status != RunStatus.PENDING) {
            return false;
        }
        if (run.status == RunStatus.PENDING) {
            send(run, new BeginRun(run.runId));
            return true;
        }
        if (!run.done(RunGraph.INTENT_ROUTER)) {
            return node(run, RunGraph.INTENT_ROUTER, () -> {
                Outcome<AgentRuntime.Intent> intent = runtime.routeIntent(run.goalText);
                recordCost(run, RunGraph.INTENT_ROUTER, intent.usage());
                return Map.of("intent", intent.value().name(), "confidence", intent.value().confidence(),
                        "autonomy_level", run.autonomyLevel.name());
            });
        }
        if (!run.done(RunGraph.PLANNER)) {
            return node(run, RunGraph.PLANNER, () -> {
                Outcome<List<PlannedTask>> plan = runtime.plan(run.instructions(), run.intent, tools(run.tenantId));
                recordCost(run, RunGraph.PLANNER, plan.usage());
                long maxSteps = settings.integer(run.tenantId, SettingsSchema.MAX_PLANNED_STEPS);
                if (plan.value().size() > maxSteps) {
                    throw new IllegalStateException("The plan has " + plan.value().size() + " steps; the setting "
                            + SettingsSchema.MAX_PLANNED_STEPS + " allows " + maxSteps);
                }
                send(run, new PlanGoalTasks(run.goalId, run.runId, plan.value()));
                return Map.of("tasks", RunProgress.JSON.convertValue(plan.value(), List.class));
            });
        }
        int next = run.nextTask();
        if (next >= 0) {
            return execute(run, next);
        }
        if (!run.done(RunGraph.EXECUTOR)) {
            send(run, new StartNode(run.runId, RunGraph.EXECUTOR));
            send(run, new RecordNodeResult(run.runId, RunGraph.EXECUTOR, Map.of("steps", run.steps.size())));
            return true;
        }
        if (!run.done(RunGraph.SUMMARIZER)) {
            summarize(run);
        }
        return false;
    }

    private boolean node(RunProgress run, String node, Supplier<Map<String, Object>> work) {
        send(run, new StartNode(run.runId, node));
        Map<String, Object> result;
        try {
            result = work.get();
        } catch (RunStopped stopped) {
            throw stopped;
        } catch (RuntimeException failure) {
            fail(run, node, failure);
            return false;
        }
        send(run, new RecordNodeResult(run.runId, node, result));
        return true;
    }

    /** The built-in tools and the tenant's MCP servers' tools. */
    private List<Tool> tools(String tenantId) {
        List<Tool> all = new java.util.ArrayList<>(tools.all());
        all.addAll(mcp.forTenant(tenantId));
        return all;
    }

    private Tool tool(String tenantId, String name) {
        return tools.find(name).orElseGet(() -> name.startsWith("mcp_") ? mcp.forTenant(tenantId).stream()
                .filter(t -> t.name().equals(name)).findFirst().orElse(null) : null);
    }

    private AutonomyPolicy policy(RunProgress run) {
        return new AutonomyPolicy(settings.decimal(run.tenantId, SettingsSchema.APPROVAL_COST_THRESHOLD));
    }

    private boolean execute(RunProgress run, int index) {
        PlannedTask task = run.tasks.get(index);
        send(run, new StartNode(run.runId, RunGraph.EXECUTOR));
        Tool tool = tool(run.tenantId, task.tool());
        if (tool == null) {
            fail(run, RunGraph.EXECUTOR, new IllegalArgumentException("The plan names an unknown tool: " + task.tool()));
            return false;
        }
        String stepKey = run.runId + ":" + index;
        RunProgress.Resolution resolution = run.resolutions.get(index);
        if (resolution == null && policy(run).needsApproval(run.autonomyLevel, tool)) {
            gate(run, index, task, tool);
            return false;
        }
        if (resolution != null && resolution.decision() == ApprovalDecision.REJECT) {
            send(run, new RecordStep(run.runId, index, task.id(), tool.name(), stepKey, "skipped",
                    Map.of("reason", "approval rejected")));
            return true;
        }
        Map<String, Object> parameters = resolution != null && resolution.decision() == ApprovalDecision.EDIT
                ? resolution.payload() : task.parameters();
        send(run, new RecordToolCall(run.runId, index, task.id(), tool.name(), parameters));
        Map<String, Object> output;
        try {
            output = ledger.execute(stepKey, run.runId, new SecretResolvingTool(tool, secrets,
                    new SecretReferences.Use(run.tenantId, ACTOR, "run " + run.runId + " step " + index, run.runId)),
                    parameters);
        } catch (RuntimeException failure) {
            fail(run, RunGraph.EXECUTOR, failure);
            return false;
        }
        send(run, new RecordStep(run.runId, index, task.id(), tool.name(), stepKey, "executed", output));
        return true;
    }

    private void gate(RunProgress run, int index, PlannedTask task, Tool tool) {
        String approvalId = "appr_" + run.runId.substring(run.runId.indexOf('_') + 1) + "-" + index;
        transaction.executeWithoutResult(status -> {
            send(run, new RequestApproval(approvalId, run.runId, run.goalId, run.tenantId, RunGraph.EXECUTOR,
                    run.runId + ":" + index, tool.name(), task.parameters(), policy(run).reason(run.autonomyLevel, tool),
                    tool.estimatedCost(), clock.instant().plus(settings.duration(run.tenantId, SettingsSchema.APPROVAL_DEADLINE))));
            send(run, new GateStep(run.runId, index, approvalId));
        });
    }

    private void summarize(RunProgress run) {
        send(run, new StartNode(run.runId, RunGraph.SUMMARIZER));
        Outcome<String> summary;
        try {
            summary = runtime.summarize(run.instructions(), run.stepList());
        } catch (RuntimeException failure) {
            fail(run, RunGraph.SUMMARIZER, failure);
            return;
        }
        Map<String, String> artifacts = new LinkedHashMap<>();
        run.steps.forEach((index, step) -> {
            Tool used = tool(run.tenantId, String.valueOf(step.get("tool")));
            if ("executed".equals(step.get("outcome")) && used != null
                    && used.kind() != io.agentledger.command.run.tool.ToolKind.READ_ONLY) {
                artifacts.put(String.valueOf(step.get("task_id")), "outbox://" + run.runId + ":" + index);
            }
        });
        transaction.executeWithoutResult(status -> {
            recordCost(run, RunGraph.SUMMARIZER, summary.usage());
            send(run, new RecordNodeResult(run.runId, RunGraph.SUMMARIZER, Map.of("summary", summary.value())));
            send(run, new CompleteRun(run.runId, summary.value(), artifacts));
            send(run, new CompleteGoal(run.goalId, run.runId, summary.value(), artifacts));
        });
    }

    private void recordCost(RunProgress run, String node, Usage usage) {
        send(run, new RecordCost(run.runId, node, usage.provider(), usage.model(), usage.inputTokens(),
                usage.outputTokens(), usage.apiCalls(), usage.cost(), usage.executionMillis()));
    }

    /** A step cut short by shutdown is not a failure: the run is taken up again after a restart. */
    private static boolean interrupted(Throwable failure) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    private void fail(RunProgress run, String node, RuntimeException failure) {
        if (interrupted(failure)) {
            throw new RunStopped("interrupted during " + node);
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        log.warn("Run {} failed at {}: {}", run.runId, node, message);
        send(run, new FailRun(run.runId, node, node + " failed: " + message));
    }

    private void send(RunProgress run, Object command) {
        Map<String, Object> metadata = Map.of(AuditMetadata.USER_ID, ACTOR, AuditMetadata.TENANT_ID, run.tenantId,
                AuditMetadata.CORRELATION_ID, run.runId);
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
        } catch (CommandExecutionException refused) {
            if (refused.getDetails().orElse(null) instanceof BusinessError error) {
                throw new RunStopped(error.detail());
            }
            throw refused;
        } catch (DomainException | AggregateNotFoundException refused) {
            throw new RunStopped(refused.getMessage());
        }
    }
}
