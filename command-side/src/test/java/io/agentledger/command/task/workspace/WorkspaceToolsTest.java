package io.agentledger.command.task.workspace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorkspaceToolsTest {

    @TempDir
    Path root;

    private WorkspaceTools tools(boolean commands) {
        return new WorkspaceTools(new TaskToolLimits(commands, null, null, org.springframework.util.unit.DataSize
                .ofBytes(100), null, org.springframework.util.unit.DataSize.ofBytes(150), 3, null));
    }

    private Path workspace() throws Exception {
        return Files.createDirectories(root.resolve("ws")).toRealPath();
    }

    @Test
    void writesReadsAndListsInsideTheWorkspace() throws Exception {
        Path ws = workspace();
        WorkspaceTools tools = tools(false);
        WorkspaceTools.Outcome wrote = tools.call("t", ws, "write_file", Map.of("path", "docs/a.md", "content", "hi"));
        assertThat(wrote.success()).isTrue();
        assertThat(wrote.writtenPath()).isEqualTo("docs/a.md");
        assertThat(new String(wrote.written(), StandardCharsets.UTF_8)).isEqualTo("hi");
        assertThat(tools.call("t", ws, "write_file", Map.of("path", "docs/a.md", "content", "!", "append", "true"))
                .written()).isEqualTo("hi!".getBytes(StandardCharsets.UTF_8));
        assertThat(tools.call("t", ws, "read_file", Map.of("path", "docs/a.md")).output()).isEqualTo("hi!");
        assertThat(tools.call("t", ws, "list_files", Map.of()).output()).contains("docs/").contains("docs/a.md (3 bytes)");
    }

    @Test
    void pathsOutsideTheWorkspaceAndThroughLinksAreRefused() throws Exception {
        Path ws = workspace();
        Files.writeString(root.resolve("secret.txt"), "do not read");
        Files.createSymbolicLink(ws.resolve("out"), root);
        WorkspaceTools tools = tools(false);
        for (String path : new String[]{"../secret.txt", "/etc/passwd", "out/secret.txt", "a/../../secret.txt", "out"}) {
            WorkspaceTools.Outcome read = tools.call("t", ws, "read_file", Map.of("path", path));
            assertThat(read.success()).as(path).isFalse();
            assertThat(read.output()).as(path).doesNotContain("do not read");
        }
        assertThat(tools.call("t", ws, "write_file", Map.of("path", "out/x", "content", "y")).success()).isFalse();
        assertThat(Files.exists(root.resolve("x"))).isFalse();
        assertThat(tools.call("t", ws, "list_files", Map.of("path", "out")).success()).isFalse();
        assertThat(tools.call("t", ws, "read_file", Map.of()).output()).contains("needs path");
    }

    @Test
    void filesAndTheWorkspaceAreBounded() throws Exception {
        Path ws = workspace();
        WorkspaceTools tools = tools(false);
        assertThat(tools.call("t", ws, "write_file", Map.of("path", "big", "content", "x".repeat(101))).output())
                .contains("at most 100 bytes");
        assertThat(tools.call("t", ws, "write_file", Map.of("path", "a", "content", "x".repeat(100))).success()).isTrue();
        assertThat(tools.call("t", ws, "write_file", Map.of("path", "b", "content", "x".repeat(60))).output())
                .contains("workspace may hold at most 150 bytes");
        tools.call("t", ws, "write_file", Map.of("path", "c", "content", "x"));
        tools.call("t", ws, "write_file", Map.of("path", "d", "content", "x"));
        assertThat(tools.call("t", ws, "write_file", Map.of("path", "e", "content", "x")).output())
                .contains("at most 3 files");
    }

    @Test
    void commandsAreOffUnlessTurnedOn() throws Exception {
        WorkspaceTools.Outcome refused = tools(false).call("t", workspace(), "run_command", Map.of("command", "ls"));
        assertThat(refused.success()).isFalse();
        assertThat(refused.output()).contains("TASK_COMMANDS_ENABLED");
    }

    @Test
    void aCommandRunsInTheWorkspaceWithNothingOfTheServicesEnvironment() throws Exception {
        Path ws = workspace();
        WorkspaceTools.Outcome ran = tools(true).call("t", ws, "run_command", Map.of("command",
                "pwd; echo home=$HOME; env | cut -d= -f1 | sort | tr '\\n' ' '; exit 3"));
        assertThat(ran.success()).isFalse();
        assertThat(ran.output()).startsWith("exit code 3").contains(ws.toString()).contains("home=" + ws);
        String names = ran.output().lines().reduce((a, b) -> b).orElse("");
        assertThat(names.split(" ")).isSubsetOf("HOME", "LANG", "PATH", "PWD", "TMPDIR", "SHLVL", "_", "OLDPWD");
    }

    @Test
    void aCommandPastItsTimeoutIsKilledWithItsChildren() throws Exception {
        WorkspaceTools.Outcome ran = tools(true).call("t", workspace(), "run_command", Map.of("command",
                "sleep 37.25 & sleep 37.25", "timeout_seconds", "1"));
        assertThat(ran.success()).isFalse();
        assertThat(ran.output()).contains("longer than 1 s");
        Thread.sleep(300);
        assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(line -> line.contains("sleep 37.25")).count()).isZero();
    }
}
