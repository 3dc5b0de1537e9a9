package io.agentledger.kernel.memory;

import java.util.List;

/** The agents of a run's graph, each of which may keep memory of its own (seed 003). */
public final class Agents {

    public static final List<String> IDS = List.of("intent_router", "planner", "executor", "summarizer");

    private Agents() {
    }
}
