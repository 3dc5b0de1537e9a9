package io.agentledger.command.run.tool;

import java.util.Map;

/** Where a tool writes its effect: one outbox row per invocation. */
@FunctionalInterface
public interface ToolEffects {

    void record(String channel, Map<String, Object> payload);
}
