package io.agentledger.command.run.runtime;

import io.agentledger.command.run.runtime.TaskTurns.Call;
import io.agentledger.command.run.runtime.TaskTurns.Exchange;
import io.agentledger.command.run.runtime.TaskTurns.Input;
import io.agentledger.command.run.runtime.TaskTurns.Turn;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfflineTaskPlannerTest {

    @Test
    void plainInstructionsBecomeOneToolCallPerClauseInOrder() {
        List<Call> calls = OfflineTaskPlanner.parse("Write a file named notes.md that says hello, then list the "
                + "files; read the file notes.md\nrun the command `ls -la`. Append more text to notes.md");
        assertThat(calls).extracting(Call::tool).containsExactly("write_file", "list_files", "read_file",
                "run_command", "write_file");
        assertThat(calls.get(0).input()).isEqualTo(Map.of("path", "notes.md", "content", "hello\n"));
        assertThat(calls.get(2).input()).isEqualTo(Map.of("path", "notes.md"));
        assertThat(calls.get(3).input()).isEqualTo(Map.of("command", "ls -la"));
        assertThat(calls.get(4).input()).containsEntry("append", "true").containsEntry("content", "more text\n");
    }

    @Test
    void quotedContentKeepsItsPunctuation() {
        Call call = OfflineTaskPlanner.parse("create a file called 'a.txt' with the content \"x, y; z\"").get(0);
        assertThat(call.input()).isEqualTo(Map.of("path", "a.txt", "content", "x, y; z\n"));
    }

    @Test
    void anythingElseIsRefusedNamingWhatItCouldNotRead() {
        assertThatThrownBy(() -> OfflineTaskPlanner.parse("write a file named a.txt, then fix the failing test"))
                .isInstanceOf(InstructionsNotUnderstood.class)
                .hasMessageContaining("\"fix the failing test\"").hasMessageContaining("LLM_PROVIDER");
        assertThatThrownBy(() -> OfflineTaskPlanner.parse("   ")).isInstanceOf(InstructionsNotUnderstood.class);
    }

    @Test
    void eachTurnTakesTheNextStepAndInputAddsSteps() {
        String task = "write a file named a.txt that says hi, then list the files";
        Turn first = OfflineTaskPlanner.next(task, List.of());
        assertThat(first.calls()).extracting(Call::tool).containsExactly("write_file");
        assertThat(first.plan()).hasSize(2);

        Exchange wrote = new Exchange("step-1", "write_file", Map.of(), "Wrote 3 bytes", true);
        Turn second = OfflineTaskPlanner.next(task, List.of(wrote, new Input("read the file a.txt")));
        assertThat(second.calls()).extracting(Call::tool).containsExactly("list_files");
        assertThat(second.plan()).extracting(step -> step.tool()).containsExactly("write_file", "list_files",
                "read_file");

        Exchange listed = new Exchange("step-2", "list_files", Map.of(), "a.txt (3 bytes)", true);
        Exchange read = new Exchange("step-3", "read_file", Map.of(), "hi", true);
        Turn done = OfflineTaskPlanner.next(task, List.of(wrote, new Input("read the file a.txt"), listed, read));
        assertThat(done.done()).isTrue();
        assertThat(done.failure()).isNull();
        assertThat(done.text()).startsWith("Carried out 3 steps");
    }

    @Test
    void aFailedStepEndsTheTaskWithWhatFailed() {
        Exchange failed = new Exchange("step-1", "read_file", Map.of(), "no file x in the workspace", false);
        Turn turn = OfflineTaskPlanner.next("read the file x, then list the files", List.of(failed));
        assertThat(turn.done()).isTrue();
        assertThat(turn.failure()).contains("step 1").contains("no file x");
    }
}
