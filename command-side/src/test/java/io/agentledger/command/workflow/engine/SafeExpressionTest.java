package io.agentledger.command.workflow.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafeExpressionTest {

    private static final Map<String, Object> CONTEXT = Map.of("input", Map.of("amount", 120, "name", "Ada",
            "tags", List.of("a", "b")), "nodes", Map.of("check", Map.of("output", Map.of("ok", true, "score", 0.75))));

    @Test
    void comparesPathsNumbersStringsAndBooleans() {
        assertThat(SafeExpression.test("input.amount > 100 && input.name == 'Ada'", CONTEXT)).isTrue();
        assertThat(SafeExpression.test("nodes[\"check\"].output.ok === true", CONTEXT)).isTrue();
        assertThat(SafeExpression.test("nodes.check.output.score >= 0.8 or not input.tags", CONTEXT)).isFalse();
        assertThat(SafeExpression.test("input.tags[1] == \"b\"", CONTEXT)).isTrue();
        assertThat(SafeExpression.test("(input.amount - 20) == 100", CONTEXT)).isTrue();
        assertThatThrownBy(() -> SafeExpression.parse("input.amount * 2")).hasMessageContaining("'*' has no meaning");
        assertThat(SafeExpression.evaluate("input.amount - 20 + 1", CONTEXT)).hasToString("101");
        assertThat(SafeExpression.test("input.missing.deeper == null", CONTEXT)).isTrue();
        assertThat(SafeExpression.test("!(input.amount < 5)", CONTEXT)).isTrue();
    }

    @Test
    void nothingReachesBeyondItsGrammar() {
        assertThatThrownBy(() -> SafeExpression.parse("java.lang.Runtime.getRuntime().exec('id')"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SafeExpression.parse("input.amount; drop")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SafeExpression.parse("input.amount >")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ends too early");
        assertThatThrownBy(() -> SafeExpression.parse("'open")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SafeExpression.parse("(".repeat(60) + "1" + ")".repeat(60)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deeper");
        assertThatThrownBy(() -> SafeExpression.parse("1 == " + "1".repeat(1000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer");
        assertThat(SafeExpression.evaluate("constructor.prototype", CONTEXT)).isNull();
    }
}
