package io.agentledger.command.run.engine;

/** The nodes every run goes through, in this order. */
public final class RunGraph {

    public static final String INTENT_ROUTER = "intent_router";
    public static final String PLANNER = "planner";
    public static final String EXECUTOR = "executor";
    public static final String SUMMARIZER = "summarizer";

    private RunGraph() {
    }
}
