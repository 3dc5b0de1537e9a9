package io.agentledger.command.run.runtime;

import io.agentledger.kernel.task.TaskStep;

import java.util.List;
import java.util.Map;

/** What a task's runtime is given and answers, turn by turn. */
public final class TaskTurns {

    private TaskTurns() {
    }

    /** A tool a task may call; every parameter is text, {@code required} those it must have. */
    public record ToolSpec(String name, String description, Map<String, String> parameters, List<String> required) {
    }

    /** What happened so far: the tool calls with their results, and what the user said meanwhile. */
    public sealed interface Entry permits Exchange, Input {
    }

    public record Exchange(String stepId, String tool, Map<String, Object> input, String output, boolean success)
            implements Entry {
    }

    public record Input(String content) implements Entry {
    }

    public record Call(String tool, Map<String, Object> input, String description) {
    }

    /**
     * One answer: {@code calls} to make now, or none when the task is done ({@code text} then sums it up);
     * {@code plan} when the runtime knows its steps ahead; {@code failure} when it cannot go on.
     */
    public record Turn(String text, List<Call> calls, List<TaskStep> plan, String failure) {

        public boolean done() {
            return calls.isEmpty();
        }
    }
}
