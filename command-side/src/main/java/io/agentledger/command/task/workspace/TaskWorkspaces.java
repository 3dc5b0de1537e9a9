package io.agentledger.command.task.workspace;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.id.Digests;
import io.agentledger.kernel.task.TaskCommands.StoredArtifact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where tasks work and keep what they made, under {@code <data>/tasks/<tenant>/}: one workspace folder
 * per session ({@code sessions/<session>}), and each task's artifacts as files named by their id
 * ({@code artifacts/<task>/<artifact>}), their digest recorded in the events.
 */
@Component
public class TaskWorkspaces {

    private static final Logger log = LoggerFactory.getLogger(TaskWorkspaces.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(Map.entry("md", "text/markdown"),
            Map.entry("txt", "text/plain"), Map.entry("json", "application/json"), Map.entry("py", "text/x-python"),
            Map.entry("js", "text/javascript"), Map.entry("java", "text/x-java"), Map.entry("html", "text/html"),
            Map.entry("css", "text/css"), Map.entry("csv", "text/csv"), Map.entry("xml", "application/xml"),
            Map.entry("yaml", "application/yaml"), Map.entry("yml", "application/yaml"),
            Map.entry("patch", "text/x-diff"), Map.entry("diff", "text/x-diff"), Map.entry("sh", "text/x-shellscript"),
            Map.entry("log", "text/plain"));

    private final Path root;

    public TaskWorkspaces(@Value("${agentledger.data-dir:./data}") Path dataDir) {
        this.root = dataDir.resolve("tasks").toAbsolutePath().normalize();
    }

    /** The session's workspace folder, made when first needed. */
    public Path workspace(String tenantId, String sessionId) {
        Path folder = root.resolve(id(tenantId)).resolve("sessions").resolve(id(sessionId));
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the workspace " + folder, e);
        }
    }

    public void deleteWorkspace(String tenantId, String sessionId) {
        deleteTree(root.resolve(id(tenantId)).resolve("sessions").resolve(id(sessionId)));
    }

    /** Keeps {@code content} as an artifact of the task named {@code name}. */
    public StoredArtifact store(String tenantId, String taskId, String artifactId, String name, byte[] content) {
        Path folder = root.resolve(id(tenantId)).resolve("artifacts").resolve(id(taskId));
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(id(artifactId));
            Path partial = folder.resolve(id(artifactId) + ".partial");
            Files.write(partial, content);
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the artifact " + name, e);
        }
        return new StoredArtifact(artifactId, name, type(name), contentType(name), content.length,
                Digests.sha256(content));
    }

    /** The artifact's file; 404 when it is not there. */
    public Path artifact(String tenantId, String taskId, String artifactId) {
        Path file = root.resolve(id(tenantId)).resolve("artifacts").resolve(id(taskId)).resolve(id(artifactId));
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw DomainException.notFound("Artifact " + artifactId + " not found");
        }
        return file;
    }

    static String type(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith("plan.json")) {
            return "plan";
        }
        if (lower.endsWith(".patch") || lower.endsWith(".diff")) {
            return "diff";
        }
        if (lower.endsWith(".log")) {
            return "log";
        }
        return "file";
    }

    static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static String id(String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw DomainException.invalid("not an identifier: " + value);
        }
        return value;
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not remove the workspace {}: {}", folder, e.toString());
        }
    }
}
