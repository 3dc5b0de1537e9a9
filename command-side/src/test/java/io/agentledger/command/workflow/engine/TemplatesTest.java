package io.agentledger.command.workflow.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TemplatesTest {

    private static final Map<String, Object> CONTEXT = Map.of("input", "hello", "nodes", Map.of(
            "node-1", Map.of("output", Map.of("sum", 6.0, "items", List.of(1, 2)))));

    @Test
    void fillsInputAndNodeOutputsAndLeavesSecretsForTheTool() {
        Object filled = Templates.fill(Map.of("title", "Total {{nodes.node-1.output.sum}} for {{ input }}",
                "all", "{{nodes.node-1.output}}", "key", "{{secret:API_KEY}}", "list", List.of("{{input}}")), CONTEXT);
        assertThat(filled).isEqualTo(Map.of("title", "Total 6 for hello", "all", Map.of("sum", 6.0, "items",
                List.of(1, 2)), "key", "{{secret:API_KEY}}", "list", List.of("hello")));
        assertThat(Templates.fill("{{nodes.nope.output}} and {{secret:X}}", CONTEXT)).isEqualTo(" and {{secret:X}}");
        assertThat(Templates.fill("items: {{nodes.node-1.output.items}}", CONTEXT)).isEqualTo("items: [1,2]");
    }
}
