package io.agentledger.app.observe;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ArchitectureGraphTest {

    @Test
    void theMermaidDiagramHasEveryNodeWithItsShapeAndStatusAndEveryConnection() {
        ArchitectureGraph graph = new ArchitectureGraph()
                .node("planner", "Planner", "agent", "active", 1, 2, Map.of())
                .node("processor:goal-summary", "goal-summary", "service", "error", 2, null, Map.of())
                .node("llm:openai", "llm:openai", "external_api", "active", 3, null, Map.of())
                .connect("planner", "processor:goal-summary", "data_flow", "x")
                .connect("planner", "llm:openai", "dependency", "x");

        assertThat(graph.mermaid()).isEqualTo("""
                flowchart LR
                    planner(["Planner"]):::active
                    processor_goal_summary["goal-summary"]:::error
                    llm_openai{{"llm:openai"}}:::active
                    planner --> processor_goal_summary
                    planner -.-> llm_openai
                    classDef active stroke:#2e7d32
                    classDef inactive stroke:#9e9e9e,stroke-dasharray:4
                    classDef error stroke:#c62828,stroke-width:3px
                """);
        assertThat(graph.nodes().get(1).get("position")).isEqualTo(Map.of("x", 440, "y", 0));
        assertThat(graph.connections().get(1).get("id")).isEqualTo("planner->llm:openai");
    }
}
