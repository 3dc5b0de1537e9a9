package io.agentledger.command.run.runtime;

import io.agentledger.command.run.tool.Tool;
import io.agentledger.kernel.goal.PlannedTask;

import java.util.List;
import java.util.Map;

/** The thinking of a run: which kind of goal it is, what to do about it, and what came of it. */
public interface AgentRuntime {

    String provider();

    Outcome<Intent> routeIntent(String goalText);

    Outcome<List<PlannedTask>> plan(String goalText, String intent, List<Tool> tools);

    Outcome<String> summarize(String goalText, List<Map<String, Object>> steps);

    /** An agent without a package acting on one request, with its configuration as instructions. */
    Outcome<String> respond(String instructions, String request);

    /**
     * The next turn of a seed 002 task: which of {@code tools} to call now, given what happened so far, or
     * that it is done.
     *
     * @throws InstructionsNotUnderstood when the runtime cannot carry out {@code task}
     */
    Outcome<TaskTurns.Turn> act(String task, List<TaskTurns.ToolSpec> tools, List<TaskTurns.Entry> history);

    record Intent(String name, double confidence) {
    }

    /** A node's answer and what it cost to get it. */
    record Outcome<T>(T value, Usage usage) {
    }
}
