package io.agentledger.command.workflow.engine;

import io.agentledger.command.agent.execution.ExecutionWaits;
import io.agentledger.command.credential.SecretReferences;
import io.agentledger.command.mcp.McpTools;
import io.agentledger.command.run.runtime.AgentRuntime;
import io.agentledger.command.run.tool.BuiltInTools;
import io.agentledger.command.run.tool.SecretResolvingTool;
import io.agentledger.command.run.tool.Tool;
import io.agentledger.command.run.tool.ToolLedger;
import io.agentledger.command.workflow.WorkflowValidator;
import io.agentledger.kernel.agent.AgentView;
import io.agentledger.kernel.agent.ExecutionCommands.RequestExecution;
import io.agentledger.kernel.agent.ExecutionQueries.FindRunnableVersion;
import io.agentledger.kernel.agent.AgentVersionView;
import io.agentledger.kernel.agent.ExecutionView;
import io.agentledger.kernel.id.Digests;
import io.agentledger.kernel.workflow.ExecutionMode;
import io.agentledger.kernel.workflow.WorkflowNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Does one node's work. In mock mode nothing outside is called: a node answers its declared
 * {@code mock_output}, or a placeholder of its type. A tool runs through the run engine's ledger, once
 * per execution and node whatever the attempts; an agent package node asks for an agent execution
 * whose id is derived from the node's attempt, so a worker that takes over waits for the same one.
 */
@Component
class NodeRunner {

    static final String ACTOR = "system:workflow-engine";

    private final AgentRuntime runtime;
    private final BuiltInTools tools;
    private final ToolLedger ledger;
    private final SecretReferences secrets;
    private final WorkflowValidator validator;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final McpTools mcp;
    private final ExecutionWaits waits;

    NodeRunner(AgentRuntime runtime, BuiltInTools tools, ToolLedger ledger, SecretReferences secrets,
               WorkflowValidator validator, CommandGateway commands, QueryGateway queries, McpTools mcp,
               ExecutionWaits waits) {
        this.mcp = mcp;
        this.waits = waits;
        this.runtime = runtime;
        this.tools = tools;
        this.ledger = ledger;
        this.secrets = secrets;
        this.validator = validator;
        this.commands = commands;
        this.queries = queries;
    }

    Object run(WorkflowProgress execution, WorkflowNode node, int attempt, Map<String, Object> context,
               Duration timeout) {
        Map<String, Object> data = node.data() == null ? Map.of() : node.data();
        if (node.type().equals("condition")) {
            return Map.of("result", SafeExpression.test(String.valueOf(data.get("expression")), context));
        }
        if (execution.mode == ExecutionMode.MOCK) {
            return data.containsKey("mock_output") ? Templates.fill(data.get("mock_output"), context)
                    : Map.of("mock", true, "node_id", node.id(), "type", node.type());
        }
        return switch (node.type()) {
            case "agent" -> agent(data, context);
            case "tool" -> tool(execution, node, data, context);
            case "agent_package" -> agentPackage(execution, node, attempt, data, context, timeout);
            default -> throw new IllegalStateException("Node type " + node.type() + " cannot run here");
        };
    }

    private Object agent(Map<String, Object> data, Map<String, Object> context) {
        String prompt = Templates.text(Templates.fill(data.getOrDefault("prompt", "You are a helpful agent."),
                context));
        Object input = data.containsKey("input") ? Templates.fill(data.get("input"), context) : context.get("input");
        AgentRuntime.Outcome<String> answer = runtime.respond(prompt, Templates.text(input));
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("text", answer.value());
        output.put("model", data.get("model"));
        output.put("provider", answer.usage().provider());
        return output;
    }

    @SuppressWarnings("unchecked")
    private Object tool(WorkflowProgress execution, WorkflowNode node, Map<String, Object> data,
                        Map<String, Object> context) {
        String name = String.valueOf(data.get("tool"));
        Tool tool = data.get("server_id") != null ? mcp.tool(String.valueOf(data.get("server_id")), execution.tenantId,
                name) : tools.find(name).orElseThrow(() -> new IllegalStateException("No tool named " + name));
        Object parameters = Templates.fill(data.getOrDefault("parameters", Map.of()), context);
        return ledger.execute("wf:" + execution.executionId + ":" + node.id(), execution.executionId,
                new SecretResolvingTool(tool, secrets, new SecretReferences.Use(execution.tenantId, ACTOR,
                        "workflow execution " + execution.executionId + " node " + node.id(), execution.executionId)),
                parameters instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of("value", parameters));
    }

    private Object agentPackage(WorkflowProgress execution, WorkflowNode node, int attempt, Map<String, Object> data,
                                Map<String, Object> context, Duration timeout) {
        AgentView agent = validator.agent(data, execution.tenantId);
        if (agent == null) {
            throw new IllegalStateException("The agent the node names is not there");
        }
        AgentVersionView version = queries.query(new FindRunnableVersion(agent.id(), execution.tenantId, null),
                AgentVersionView.class).join();
        Map<String, Object> payload = new LinkedHashMap<>();
        Object parameters = Templates.fill(data.getOrDefault("parameters", Map.of()), context);
        if (parameters instanceof Map<?, ?> map) {
            map.forEach((key, value) -> payload.put(String.valueOf(key), value));
        }
        payload.putIfAbsent("action", data.get("action"));
        payload.putIfAbsent("input", context.get("input"));
        String executionId = "exec_wf" + digest(execution.executionId + "/" + node.id() + "/" + attempt);
        try {
            commands.sendAndWait(new RequestExecution(executionId, execution.tenantId, agent.id(),
                    version == null ? null : version.id(), version == null ? null : version.entrypoint(), ACTOR,
                    payload, data.get("action") == null ? null : Map.of("action", data.get("action"),
                    "parameters", parameters), timeout.toMillis()));
        } catch (RuntimeException alreadyRequested) {
            // a worker before this one asked for it: wait for that execution
        }
        ExecutionView view = waits.until(executionId, execution.tenantId, Instant.now().plus(timeout).plusSeconds(5));
        if (view == null || !view.status().ended()) {
            throw new IllegalStateException("agent execution " + executionId + " did not end in time");
        }
        if (view.status() != io.agentledger.kernel.agent.ExecutionStatus.COMPLETED) {
            throw new IllegalStateException("agent execution " + executionId + " "
                    + view.status().name().toLowerCase() + ": " + view.errorMessage());
        }
        return Map.of("execution_id", executionId, "output", view.outputData() == null ? Map.of()
                : view.outputData());
    }

    static String digest(String text) {
        return Digests.sha256(text, 24);
    }
}
