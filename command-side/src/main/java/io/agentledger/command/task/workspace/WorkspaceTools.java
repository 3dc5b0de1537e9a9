package io.agentledger.command.task.workspace;

import io.agentledger.command.run.runtime.TaskTurns.ToolSpec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The tools a task uses in its session's workspace. Every path is relative to the workspace and must stay
 * in it: absolute paths, {@code ..} and symbolic links (anywhere on the way) are refused, so nothing
 * outside the folder is read or written, even by a link a command made.
 */
@Component
@EnableConfigurationProperties(TaskToolLimits.class)
public class WorkspaceTools {

    public static final List<ToolSpec> SPECS = List.of(
            new ToolSpec("read_file", "Read a text file of the workspace", Map.of("path",
                    "the file's path, relative to the workspace"), List.of("path")),
            new ToolSpec("write_file", "Write a text file in the workspace (replacing it, or appending when "
                    + "append is \"true\")", Map.of("path", "the file's path, relative to the workspace",
                    "content", "the text to write", "append", "\"true\" to append instead of replacing"),
                    List.of("path", "content")),
            new ToolSpec("list_files", "List the files of the workspace (or of a folder in it) with their sizes",
                    Map.of("path", "a folder relative to the workspace; the whole workspace when absent"), List.of()),
            new ToolSpec("run_command", "Run a shell command in the workspace, with a timeout",
                    Map.of("command", "the command line", "timeout_seconds", "how long it may run"),
                    List.of("command")));
    private static final int MAX_LISTED = 500;
    private static final int MAX_PATH = 512;

    /** {@code written}: the file a write left, for the task to keep as an artifact. */
    public record Outcome(boolean success, String output, String writtenPath, byte[] written) {

        static Outcome failed(String why) {
            return new Outcome(false, why, null, null);
        }

        static Outcome ok(String output) {
            return new Outcome(true, output, null, null);
        }
    }

    private final TaskToolLimits limits;
    private final CommandRunner commands = new CommandRunner();

    public WorkspaceTools(TaskToolLimits limits) {
        this.limits = limits;
    }

    public TaskToolLimits limits() {
        return limits;
    }

    /** Calls {@code tool}; {@code key} lets {@link #cancel} kill a command it started. Never throws for bad input. */
    public Outcome call(String key, Path workspace, String tool, Map<String, Object> input) {
        try {
            return switch (tool) {
                case "read_file" -> read(workspace, text(input, "path"));
                case "write_file" -> write(workspace, text(input, "path"), text(input, "content"),
                        "true".equalsIgnoreCase(String.valueOf(input.get("append"))));
                case "list_files" -> list(workspace, input.get("path") == null ? "." : text(input, "path"));
                case "run_command" -> run(key, workspace, text(input, "command"), input.get("timeout_seconds"));
                default -> Outcome.failed("unknown tool " + tool);
            };
        } catch (Refused refused) {
            return Outcome.failed(refused.getMessage());
        } catch (IOException | RuntimeException e) {
            return Outcome.failed(tool + " failed: " + e.getMessage());
        }
    }

    public boolean cancel(String key) {
        return commands.cancel(key);
    }

    private Outcome read(Path workspace, String path) throws IOException {
        Path file = inside(workspace, path);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Outcome.failed("no file " + path + " in the workspace");
        }
        int max = (int) limits.maxOutput().toBytes();
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] head = in.readNBytes(max);
            long size = Files.size(file);
            String text = new String(head, StandardCharsets.UTF_8);
            return Outcome.ok(size > max ? text + "\n[truncated: " + size + " bytes in all]" : text);
        }
    }

    private Outcome write(Path workspace, String path, String content, boolean append) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Path file = inside(workspace, path);
        if (file.equals(workspace) || Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            return Outcome.failed(path + " is a folder");
        }
        long before = Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? Files.size(file) : 0;
        long after = append ? before + bytes.length : bytes.length;
        if (after > limits.maxFileSize().toBytes()) {
            return Outcome.failed("a file may hold at most " + limits.maxFileSize().toBytes() + " bytes");
        }
        Usage usage = usage(workspace);
        if (usage.bytes - before + after > limits.maxWorkspaceSize().toBytes()) {
            return Outcome.failed("the workspace may hold at most " + limits.maxWorkspaceSize().toBytes() + " bytes");
        }
        if (before == 0 && !Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                && usage.files >= limits.maxWorkspaceFiles()) {
            return Outcome.failed("the workspace may hold at most " + limits.maxWorkspaceFiles() + " files");
        }
        Files.createDirectories(file.getParent());
        inside(workspace, path);
        Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        byte[] now = append ? Files.readAllBytes(file) : bytes;
        String relative = workspace.relativize(file).toString();
        return new Outcome(true, (append ? "Appended " : "Wrote ") + bytes.length + " bytes to " + relative, relative,
                now);
    }

    private Outcome list(Path workspace, String path) throws IOException {
        Path folder = inside(workspace, path);
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return Outcome.failed("no folder " + path + " in the workspace");
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.filter(p -> !p.equals(folder)).sorted().limit(MAX_LISTED + 1L).forEach(p -> {
                String name = workspace.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    lines.add(name + " (link, not followed)");
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    lines.add(name + "/");
                } else {
                    lines.add(name + " (" + p.toFile().length() + " bytes)");
                }
            });
        }
        if (lines.size() > MAX_LISTED) {
            lines.set(MAX_LISTED, "[more files not listed]");
        }
        return Outcome.ok(lines.isEmpty() ? "(no files)" : String.join("\n", lines));
    }

    private Outcome run(String key, Path workspace, String command, Object timeoutSeconds) throws IOException {
        if (!limits.commandsEnabled()) {
            return Outcome.failed("running commands is turned off on this deployment; an administrator turns it on "
                    + "with TASK_COMMANDS_ENABLED=true");
        }
        if (command.isBlank() || command.length() > 10_000) {
            return Outcome.failed("a command must be 1 to 10000 characters");
        }
        Duration timeout = limits.commandTimeout();
        if (timeoutSeconds != null) {
            try {
                timeout = Duration.ofSeconds(Math.max(1, (long) Double.parseDouble(String.valueOf(timeoutSeconds))));
            } catch (NumberFormatException e) {
                return Outcome.failed("timeout_seconds must be a number");
            }
        }
        if (timeout.compareTo(limits.maxCommandTimeout()) > 0) {
            timeout = limits.maxCommandTimeout();
        }
        CommandRunner.Result result = commands.run(key, command, workspace, timeout, limits.commandMemory().toBytes(),
                limits.maxFileSize().toBytes(), (int) limits.maxOutput().toBytes());
        if (result.killed()) {
            return Outcome.failed("the command was stopped\n" + result.output());
        }
        if (result.timedOut()) {
            return Outcome.failed("the command ran longer than " + timeout.toSeconds() + " s and was killed\n"
                    + result.output());
        }
        String output = "exit code " + result.exitCode() + "\n" + result.output();
        return new Outcome(result.exitCode() == 0, output, null, null);
    }

    /** The path inside the workspace; refused when it is absolute, leaves it, or passes through a link. */
    static Path inside(Path workspace, String path) throws Refused {
        if (path == null || path.isBlank() || path.length() > MAX_PATH || path.indexOf('\0') >= 0) {
            throw new Refused("a path must be 1 to " + MAX_PATH + " characters");
        }
        Path relative;
        try {
            relative = Path.of(path);
        } catch (RuntimeException e) {
            throw new Refused("not a path: " + path);
        }
        if (relative.isAbsolute()) {
            throw new Refused("paths are relative to the workspace: " + path);
        }
        Path resolved = workspace.resolve(relative).normalize();
        if (!resolved.startsWith(workspace)) {
            throw new Refused("the path leaves the workspace: " + path);
        }
        Path walked = workspace;
        for (Path part : workspace.relativize(resolved)) {
            walked = walked.resolve(part);
            if (Files.isSymbolicLink(walked)) {
                throw new Refused("the path goes through a link: " + path);
            }
        }
        return resolved;
    }

    private record Usage(long bytes, long files) {
    }

    private static Usage usage(Path workspace) throws IOException {
        long[] totals = new long[2];
        Files.walkFileTree(workspace, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                totals[0] += attributes.size();
                totals[1]++;
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        return new Usage(totals[0], totals[1]);
    }

    private static String text(Map<String, Object> input, String name) throws Refused {
        Object value = input == null ? null : input.get(name);
        if (value == null) {
            throw new Refused("the tool needs " + name);
        }
        return String.valueOf(value);
    }

    static final class Refused extends IOException {

        Refused(String message) {
            super(message);
        }
    }
}
