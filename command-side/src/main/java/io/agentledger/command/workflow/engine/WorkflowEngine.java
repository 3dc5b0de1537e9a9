package io.agentledger.command.workflow.engine;

import io.agentledger.command.workflow.engine.WorkflowProgress.NodeState;
import io.agentledger.axon.metadata.AuditMetadata;
import io.agentledger.command.system.SystemSettings;
import io.agentledger.kernel.approval.ApprovalCommands.RequestApproval;
import io.agentledger.kernel.id.IdPrefix;
import io.agentledger.kernel.system.SettingsSchema;
import io.agentledger.kernel.workflow.ExecutionMode;
import io.agentledger.kernel.workflow.RetryPolicy;
import io.agentledger.kernel.workflow.WorkflowExecutionCommands.CompleteWorkflowExecution;
import io.agentledger.kernel.workflow.WorkflowExecutionCommands.FailNode;
import io.agentledger.kernel.workflow.WorkflowExecutionCommands.FailWorkflowExecution;
import io.agentledger.kernel.workflow.WorkflowExecutionCommands.PauseExecution;
import io.agentledger.kernel.workflow.WorkflowExecutionCommands.SkipNode;
import io.agentledger.kernel.workflow.WorkflowExecutionCommands.StartNode;
import io.agentledger.kernel.workflow.WorkflowExecutionCommands.SucceedNode;
import io.agentledger.kernel.workflow.WorkflowExecutionStatus;
import io.agentledger.kernel.workflow.WorkflowNode;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Drives a workflow execution: reads where it stands from its own events, skips what a false condition
 * or a missing predecessor rules out, runs every ready node at once (independent branches in
 * parallel) with the node's timeout, retries a failed attempt after the policy's backoff, pauses before
 * each node in debug mode, and completes or fails the execution. Every step is a command, so it can stop
 * anywhere and go on elsewhere.
 */
@Component
public class WorkflowEngine {

    private static final Logger log = LoggerFactory.getLogger(WorkflowEngine.class);
    static final Duration DEFAULT_NODE_TIMEOUT = Duration.ofSeconds(60);
    static final Duration MAX_NODE_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration LONGEST_NAP = Duration.ofSeconds(2);

    private final EventStore events;
    private final CommandGateway commands;
    private final NodeRunner runner;
    private final SystemSettings settings;
    private final Clock clock;
    private final ExecutorService nodes = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "workflow-node");
        thread.setDaemon(true);
        return thread;
    });

    public WorkflowEngine(EventStore events, CommandGateway commands, NodeRunner runner, SystemSettings settings,
                          Clock clock) {
        this.events = events;
        this.commands = commands;
        this.runner = runner;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Takes steps while the execution can move and {@code stillOurs} holds; returns when it waits or ends.
     *
     * @return whether it waits for a person's decision (which wakes it again)
     */
    public boolean advance(String executionId, BooleanSupplier stillOurs) {
        while (stillOurs.getAsBoolean()) {
            WorkflowProgress execution = progress(executionId);
            if (execution.status != WorkflowExecutionStatus.RUNNING) {
                return false;
            }
            if (!step(execution, stillOurs)) {
                return awaitsPeople(executionId);
            }
        }
        return false;
    }

    boolean awaitsPeople(String executionId) {
        WorkflowProgress execution = progress(executionId);
        return execution.status == WorkflowExecutionStatus.RUNNING && execution.definition.nodes().stream()
                .anyMatch(node -> execution.states.get(node.id()) == NodeState.RUNNING
                        && awaitsPerson(execution, node.id()));
    }

    private WorkflowProgress progress(String executionId) {
        List<Object> payloads = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        events.readEvents(executionId, 0).asStream().forEach(event -> {
            payloads.add(event.getPayload());
            times.add(((EventMessage<?>) event).getTimestamp());
        });
        return WorkflowProgress.of(payloads, times);
    }

    /** @return whether to look again at once */
    private boolean step(WorkflowProgress execution, BooleanSupplier stillOurs) {
        Instant now = clock.instant();
        Long timeoutMs = execution.definition.timeoutMs();
        if (timeoutMs != null && timeoutMs > 0 && now.isAfter(execution.startedAt.plusMillis(timeoutMs))) {
            send(execution, new FailWorkflowExecution(execution.executionId, "the execution took longer than its "
                    + "timeout of " + timeoutMs + " ms", null, elapsed(execution)));
            return false;
        }
        for (Map.Entry<String, NodeState> node : execution.states.entrySet()) {
            if (node.getValue() == NodeState.RUNNING && !awaitsPerson(execution, node.getKey())) {
                failAttempt(execution, node.getKey(), execution.attempt(node.getKey()),
                        "interrupted: the worker running it stopped", 0);
                return true;
            }
        }
        List<WorkflowNode> ready = new ArrayList<>();
        Instant nextRetry = null;
        for (WorkflowNode node : execution.definition.nodes()) {
            NodeState state = execution.states.get(node.id());
            if (state != NodeState.PENDING && state != NodeState.RETRY_WAIT) {
                continue;
            }
            String blocked = blocked(execution, node);
            if ("wait".equals(blocked)) {
                continue;
            }
            if (blocked != null) {
                send(execution, new SkipNode(execution.executionId, node.id(), blocked));
                return true;
            }
            Instant retryAt = execution.retryAt.get(node.id());
            if (state == NodeState.RETRY_WAIT && retryAt != null && retryAt.isAfter(now)) {
                nextRetry = nextRetry == null || retryAt.isBefore(nextRetry) ? retryAt : nextRetry;
                continue;
            }
            ready.add(node);
        }
        String failed = firstFailed(execution);
        if (failed != null && !execution.definition.continueOnError()) {
            send(execution, new FailWorkflowExecution(execution.executionId, "node " + failed + " failed: "
                    + execution.errors.get(failed), failed, elapsed(execution)));
            return false;
        }
        if (ready.isEmpty()) {
            if (nextRetry != null) {
                nap(Duration.between(now, nextRetry));
                return true;
            }
            if (execution.states.containsValue(NodeState.RUNNING)) {
                return false;
            }
            finish(execution, failed);
            return false;
        }
        if (execution.mode == ExecutionMode.DEBUG) {
            WorkflowNode next = ready.stream().filter(node -> !execution.continued.contains(node.id())).findFirst()
                    .orElse(null);
            if (next != null) {
                send(execution, new PauseExecution(execution.executionId, next.id(), "debug: before node "
                        + next.id()));
                return false;
            }
        }
        List<WorkflowNode> people = ready.stream().filter(node -> isHuman(execution, node)).toList();
        people.forEach(node -> askPerson(execution, node));
        List<WorkflowNode> machines = ready.stream().filter(node -> !isHuman(execution, node)).toList();
        if (!machines.isEmpty()) {
            runAll(execution, machines, stillOurs);
        }
        return true;
    }

    /** A human node outside mock mode waits for its approval's decision; the engine does not hold it. */
    private static boolean isHuman(WorkflowProgress execution, WorkflowNode node) {
        return node.type().equals("human") && execution.mode != ExecutionMode.MOCK;
    }

    private static boolean awaitsPerson(WorkflowProgress execution, String nodeId) {
        return isHuman(execution, execution.node(nodeId));
    }

    private void askPerson(WorkflowProgress execution, WorkflowNode node) {
        int attempt = execution.attempt(node.id()) + 1;
        Map<String, Object> data = node.data() == null ? Map.of() : node.data();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("workflow_id", execution.workflowId);
        payload.put("execution_id", execution.executionId);
        payload.put("node_id", node.id());
        payload.put("from", predecessorOutputs(execution, node));
        Boolean go = send(execution, new StartNode(execution.executionId, node.id(), attempt, payload));
        if (!Boolean.TRUE.equals(go)) {
            return;
        }
        String approvalId = IdPrefix.APPROVAL.value() + "_wf" + NodeRunner.digest(execution.executionId + "/"
                + node.id() + "/" + attempt);
        Duration wait = data.get("timeout_ms") instanceof Number millis && millis.longValue() > 0
                ? Duration.ofMillis(millis.longValue()) : settings.duration(execution.tenantId,
                SettingsSchema.APPROVAL_DEADLINE);
        send(execution, new RequestApproval(approvalId, execution.executionId, execution.workflowId,
                execution.tenantId, node.id(), execution.executionId + ":" + node.id() + ":" + attempt,
                String.valueOf(data.getOrDefault("action", "continue workflow at " + node.id())), payload,
                String.valueOf(data.getOrDefault("prompt", "A person must approve this step of the workflow")),
                BigDecimal.ZERO, clock.instant().plus(wait)));
    }

    /** Null when the node may run; "wait" while something before it is still open; else why it is skipped. */
    private static String blocked(WorkflowProgress execution, WorkflowNode node) {
        for (String before : execution.predecessors(node.id())) {
            NodeState state = execution.states.get(before);
            if (state == NodeState.PENDING || state == NodeState.RUNNING || state == NodeState.RETRY_WAIT) {
                return "wait";
            }
            if (state == NodeState.SKIPPED || state == NodeState.FAILED) {
                return "node " + before + " before it was " + state.name().toLowerCase();
            }
            if (execution.node(before).type().equals("condition")
                    && execution.outputs.get(before) instanceof Map<?, ?> out && Boolean.FALSE.equals(out.get("result"))) {
                return "condition " + before + " was false";
            }
        }
        Object condition = node.data() == null ? null : node.data().get("condition");
        if (condition != null && !SafeExpression.test(condition.toString(), context(execution))) {
            return "its condition was false: " + condition;
        }
        return null;
    }

    private void runAll(WorkflowProgress execution, List<WorkflowNode> ready, BooleanSupplier stillOurs) {
        Map<String, Object> context = context(execution);
        Map<WorkflowNode, Future<Object>> running = new LinkedHashMap<>();
        Map<WorkflowNode, Instant> started = new LinkedHashMap<>();
        for (WorkflowNode node : ready) {
            int attempt = execution.attempt(node.id()) + 1;
            Map<String, Object> input = Map.of("input", context.get("input") == null ? "" : context.get("input"),
                    "from", predecessorOutputs(execution, node));
            Boolean go = send(execution, new StartNode(execution.executionId, node.id(), attempt, input));
            if (!Boolean.TRUE.equals(go)) {
                continue;
            }
            Duration timeout = timeout(node);
            started.put(node, clock.instant());
            running.put(node, nodes.submit(() -> runner.run(execution, node, attempt, context, timeout)));
        }
        for (Map.Entry<WorkflowNode, Future<Object>> entry : running.entrySet()) {
            WorkflowNode node = entry.getKey();
            int attempt = execution.attempt(node.id()) + 1;
            Instant deadline = started.get(node).plus(timeout(node));
            Object output = null;
            String error = null;
            while (error == null && output == null) {
                try {
                    output = entry.getValue().get(250, TimeUnit.MILLISECONDS);
                    output = output == null ? Map.of() : output;
                } catch (TimeoutException notYet) {
                    if (!stillOurs.getAsBoolean()) {
                        running.values().forEach(future -> future.cancel(true));
                        return;
                    }
                    if (clock.instant().isAfter(deadline)) {
                        entry.getValue().cancel(true);
                        error = "timed out after " + timeout(node).toMillis() + " ms";
                    }
                } catch (ExecutionException failure) {
                    Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                    error = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running.values().forEach(future -> future.cancel(true));
                    return;
                }
            }
            long took = Duration.between(started.get(node), clock.instant()).toMillis();
            if (error == null) {
                send(execution, new SucceedNode(execution.executionId, node.id(), attempt, output, took));
            } else {
                failAttempt(execution, node.id(), attempt, error, took);
            }
        }
    }

    private void failAttempt(WorkflowProgress execution, String nodeId, int attempt, String error, long took) {
        RetryPolicy policy = execution.definition.retries();
        Instant retryAt = attempt < policy.maxAttempts()
                ? clock.instant().plusMillis(policy.delayBefore(attempt + 1)) : null;
        send(execution, new FailNode(execution.executionId, nodeId, attempt, truncate(error), took, retryAt));
    }

    private void finish(WorkflowProgress execution, String failed) {
        if (failed != null) {
            send(execution, new FailWorkflowExecution(execution.executionId, "node " + failed + " failed: "
                    + execution.errors.get(failed), failed, elapsed(execution)));
            return;
        }
        Map<String, Object> sinks = new LinkedHashMap<>();
        for (WorkflowNode node : execution.definition.nodes()) {
            if (!execution.hasSuccessors(node.id()) && execution.states.get(node.id()) == NodeState.SUCCEEDED) {
                sinks.put(node.id(), execution.outputs.get(node.id()));
            }
        }
        Object output = sinks.size() == 1 ? sinks.values().iterator().next() : sinks;
        send(execution, new CompleteWorkflowExecution(execution.executionId, output, elapsed(execution)));
    }

    private static String firstFailed(WorkflowProgress execution) {
        return execution.states.entrySet().stream().filter(e -> e.getValue() == NodeState.FAILED)
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    static Map<String, Object> context(WorkflowProgress execution) {
        Map<String, Object> nodeOutputs = new LinkedHashMap<>();
        execution.outputs.forEach((id, output) -> nodeOutputs.put(id, output == null ? Map.of()
                : Map.of("output", output)));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("input", execution.input);
        context.put("nodes", nodeOutputs);
        return context;
    }

    private static Map<String, Object> predecessorOutputs(WorkflowProgress execution, WorkflowNode node) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (String before : execution.predecessors(node.id())) {
            Object output = execution.outputs.get(before);
            outputs.put(before, output == null ? Map.of() : output);
        }
        return outputs;
    }

    private static Duration timeout(WorkflowNode node) {
        Object millis = node.data() == null ? null : node.data().get("timeout_ms");
        if (millis instanceof Number number && number.longValue() > 0) {
            Duration asked = Duration.ofMillis(number.longValue());
            return asked.compareTo(MAX_NODE_TIMEOUT) > 0 ? MAX_NODE_TIMEOUT : asked;
        }
        return DEFAULT_NODE_TIMEOUT;
    }

    private long elapsed(WorkflowProgress execution) {
        return Duration.between(execution.startedAt, clock.instant()).toMillis();
    }

    private void nap(Duration wait) {
        try {
            Thread.sleep(Math.max(10, Math.min(wait.toMillis(), LONGEST_NAP.toMillis())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String truncate(String error) {
        return error.length() > 2000 ? error.substring(0, 2000) + "…" : error;
    }

    @SuppressWarnings("unchecked")
    private <R> R send(WorkflowProgress execution, Object command) {
        try {
            return (R) commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                    AuditMetadata.USER_ID, NodeRunner.ACTOR, AuditMetadata.TENANT_ID, execution.tenantId,
                    AuditMetadata.CORRELATION_ID, execution.executionId)));
        } catch (RuntimeException e) {
            log.warn("Workflow execution {}: {} refused: {}", execution.executionId,
                    command.getClass().getSimpleName(), e.toString());
            throw e;
        }
    }
}
