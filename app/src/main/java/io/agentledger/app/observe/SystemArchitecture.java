package io.agentledger.app.observe;

import io.agentledger.axon.processing.ProcessorHealth;
import io.agentledger.command.run.engine.RunGraph;
import io.agentledger.kernel.run.RunCommands;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The running system as seed 003 draws it: the run graph's agents, the services of this process
 * (API, run engine, event store, every event processor) and the external APIs it calls, with their
 * live status, how they connect, and the workflows the agents form.
 */
@Component
public class SystemArchitecture {

    private static final List<String> AGENTS = List.of(RunGraph.INTENT_ROUTER, RunGraph.PLANNER, RunGraph.EXECUTOR,
            RunGraph.SUMMARIZER);

    private final EventProcessingConfiguration processing;
    private final ProcessorHealth processorHealth;
    private final ExternalServices externalServices;

    public SystemArchitecture(EventProcessingConfiguration processing, ProcessorHealth processorHealth,
                              ExternalServices externalServices) {
        this.processing = processing;
        this.processorHealth = processorHealth;
        this.externalServices = externalServices;
    }

    public Map<String, Object> describe() {
        ArchitectureGraph graph = new ArchitectureGraph()
                .node("api", "REST API", "service", "active", 0, null, Map.of("path", "/api/v1"))
                .node("run_engine", "Run engine", "service", "active", 1, null, Map.of())
                .node("event_store", "Event store (PostgreSQL)", "service", "active", 3, null, Map.of());
        for (int i = 0; i < AGENTS.size(); i++) {
            graph.node(AGENTS.get(i), title(AGENTS.get(i)), "agent", "active", 2, i + 1,
                    Map.of("graph_version", RunCommands.GRAPH_VERSION));
        }
        processing.eventProcessors().forEach((name, processor) -> {
            graph.node("processor:" + name, name, "service", processorHealth.failing(name, processor) ? "error"
                    : processor.isRunning() ? "active" : "inactive", 4, null, Map.of("kind", "event processor"));
        });
        List<Map<String, Object>> external = externalServices.check();
        external.forEach(service -> graph.node((String) service.get("name"), (String) service.get("name"),
                "external_api", "online".equals(service.get("status")) ? "active" : "error", 5, null,
                Map.of("response_time", service.get("response_time"))));

        graph.connect("api", "event_store", "data_flow", "commands append events")
                .connect("api", "run_engine", "trigger", "starting a goal queues its run")
                .connect("run_engine", AGENTS.get(0), "trigger", "each run walks the graph");
        for (int i = 1; i < AGENTS.size(); i++) {
            graph.connect(AGENTS.get(i - 1), AGENTS.get(i), "trigger", "next node");
        }
        AGENTS.forEach(agent -> graph.connect(agent, "event_store", "data_flow", "every step is an event"));
        processing.eventProcessors().keySet().forEach(name ->
                graph.connect("event_store", "processor:" + name, "data_flow", "events to the read model"));
        external.forEach(service -> {
            String name = (String) service.get("name");
            if (name.startsWith("llm:")) {
                List.of(RunGraph.INTENT_ROUTER, RunGraph.PLANNER, RunGraph.SUMMARIZER).forEach(agent ->
                        graph.connect(agent, name, "dependency", "model calls"));
            } else {
                graph.connect("api", name, "dependency", "outbound calls");
            }
        });

        Map<String, Object> workflow = new LinkedHashMap<>();
        workflow.put("id", "goal_run");
        workflow.put("name", "Goal run");
        workflow.put("graph_version", RunCommands.GRAPH_VERSION);
        workflow.put("steps", AGENTS);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("agents", graph.nodes());
        answer.put("connections", graph.connections());
        answer.put("workflows", List.of(workflow));
        answer.put("mermaid_diagram", graph.mermaid());
        return answer;
    }

    private static String title(String node) {
        String spaced = node.replace('_', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
