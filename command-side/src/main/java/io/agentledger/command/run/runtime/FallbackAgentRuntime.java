package io.agentledger.command.run.runtime;

import io.agentledger.command.run.tool.Tool;
import io.agentledger.kernel.goal.PlannedTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Asks the primary runtime; when it fails after its retries, asks the fallback (recorded in the cost). */
public class FallbackAgentRuntime implements AgentRuntime {

    private static final Logger log = LoggerFactory.getLogger(FallbackAgentRuntime.class);

    private final AgentRuntime primary;
    private final AgentRuntime fallback;

    public FallbackAgentRuntime(AgentRuntime primary, AgentRuntime fallback) {
        this.primary = primary;
        this.fallback = fallback;
    }

    @Override
    public String provider() {
        return primary.provider();
    }

    @Override
    public Outcome<Intent> routeIntent(String goalText) {
        return withFallback(() -> primary.routeIntent(goalText), () -> fallback.routeIntent(goalText));
    }

    @Override
    public Outcome<List<PlannedTask>> plan(String goalText, String intent, List<Tool> tools) {
        return withFallback(() -> primary.plan(goalText, intent, tools), () -> fallback.plan(goalText, intent, tools));
    }

    @Override
    public Outcome<String> summarize(String goalText, List<Map<String, Object>> steps) {
        return withFallback(() -> primary.summarize(goalText, steps), () -> fallback.summarize(goalText, steps));
    }

    @Override
    public Outcome<String> respond(String instructions, String request) {
        return withFallback(() -> primary.respond(instructions, request), () -> fallback.respond(instructions, request));
    }

    @Override
    public Outcome<TaskTurns.Turn> act(String task, List<TaskTurns.ToolSpec> tools, List<TaskTurns.Entry> history) {
        return withFallback(() -> primary.act(task, tools, history), () -> fallback.act(task, tools, history));
    }

    private static <T> T withFallback(Supplier<T> first, Supplier<T> second) {
        try {
            return first.get();
        } catch (ProviderFailure failure) {
            log.warn("Falling back: {}", failure.getMessage());
            return second.get();
        }
    }
}
