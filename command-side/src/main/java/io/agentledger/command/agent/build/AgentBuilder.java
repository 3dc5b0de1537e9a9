package io.agentledger.command.agent.build;

import io.agentledger.command.agent.files.AgentFiles;
import io.agentledger.command.agent.sandbox.PythonSandbox;
import io.agentledger.command.agent.sandbox.SandboxResult;
import io.agentledger.kernel.agent.AgentCommands.CompleteAgentBuild;
import io.agentledger.kernel.agent.AgentCommands.FailAgentBuild;
import io.agentledger.kernel.agent.AgentCommands.PassAgentBuildStage;
import io.agentledger.kernel.agent.AgentCommands.StartAgentBuild;
import io.agentledger.kernel.agent.AgentLogLine;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds an uploaded package: safe extraction, the manifest, the entrypoint's module, and the
 * entrypoint imported in the sandbox to see that it is a callable. Each stage's lines go into the
 * build's events; a package that fails any stage is a failed build with the reason.
 */
@Component
public class AgentBuilder {

    private static final Logger log = LoggerFactory.getLogger(AgentBuilder.class);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);

    private final CommandGateway commands;
    private final AgentFiles files;
    private final PythonSandbox sandbox;
    private final AgentPackageLimits limits;
    private final Clock clock;

    public AgentBuilder(CommandGateway commands, AgentFiles files, PythonSandbox sandbox, AgentPackageLimits limits,
                        Clock clock) {
        this.commands = commands;
        this.files = files;
        this.sandbox = sandbox;
        this.limits = limits;
        this.clock = clock;
    }

    public void build(String tenantId, String agentId, String versionId) {
        List<AgentLogLine> lines = new ArrayList<>();
        Boolean go = commands.sendAndWait(new StartAgentBuild(agentId, versionId,
                List.of(line("INFO", "Build of " + versionId + " started"))));
        if (!Boolean.TRUE.equals(go)) {
            return;
        }
        Path dir = files.buildDir(tenantId, agentId, versionId);
        try {
            deleteTree(dir);
            Path tarball = files.tenantRoot(tenantId).resolve(AgentFiles.artifactPath(agentId, versionId));
            int count = new SafeExtractor(limits).extract(tarball, dir);
            lines.add(line("INFO", "Extracted " + count + " files"));
            passed(agentId, versionId, "extract", lines);
            Path root = PackageLayout.root(dir);
            Manifest manifest = Manifest.parse(readManifest(root.resolve(Manifest.FILE)));
            lines.add(line("INFO", Manifest.FILE + " is valid: " + manifest.name() + " " + manifest.version()
                    + ", runtime " + manifest.runtime() + ", entrypoint " + manifest.entrypoint()));
            requireModule(root, manifest);
            passed(agentId, versionId, "manifest", lines);
            SandboxResult check = sandbox.run("build-" + versionId, root, manifest.entrypoint(), null, CHECK_TIMEOUT,
                    PythonSandbox.Mode.CHECK);
            check.logs().forEach(l -> lines.add(new AgentLogLine(l.at(), l.level(), "build", l.message())));
            if (!check.ok()) {
                throw new PackageRejected("the entrypoint " + manifest.entrypoint() + " cannot be loaded: "
                        + check.error());
            }
            lines.add(line("INFO", "Entrypoint " + manifest.entrypoint() + " is callable"));
            passed(agentId, versionId, "entrypoint", lines);
            lines.add(line("INFO", "Build completed successfully"));
            commands.sendAndWait(new CompleteAgentBuild(agentId, versionId, manifest.entrypoint(), manifest.runtime(),
                    manifest.text(), lines));
        } catch (PackageRejected rejected) {
            fail(agentId, versionId, rejected.getMessage(), lines, dir);
        } catch (IOException | RuntimeException e) {
            log.warn("Build of {} failed: {}", versionId, e.toString());
            fail(agentId, versionId, "the package could not be unpacked: " + e.getMessage(), lines, dir);
        }
    }

    /** Records the stage with the lines since the last one; the list starts again for the next. */
    private void passed(String agentId, String versionId, String stage, List<AgentLogLine> lines) {
        commands.sendAndWait(new PassAgentBuildStage(agentId, versionId, stage, List.copyOf(lines)));
        lines.clear();
    }

    private void fail(String agentId, String versionId, String reason, List<AgentLogLine> lines, Path dir) {
        lines.add(line("ERROR", "Build failed: " + reason));
        try {
            deleteTree(dir);
        } catch (IOException e) {
            log.warn("Could not remove the failed build {}: {}", dir, e.toString());
        }
        commands.sendAndWait(new FailAgentBuild(agentId, versionId, reason, lines));
    }

    private String readManifest(Path file) throws IOException, PackageRejected {
        if (Files.size(file) > limits.maxManifest().toBytes()) {
            throw new PackageRejected(Manifest.FILE + " is larger than " + limits.maxManifest().toBytes() + " bytes");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void requireModule(Path root, Manifest manifest) throws PackageRejected {
        for (String candidate : manifest.moduleFiles()) {
            if (Files.isRegularFile(root.resolve(candidate), LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
        }
        throw new PackageRejected("the entrypoint's module " + manifest.moduleFiles()[0] + " is not in the package");
    }

    private AgentLogLine line(String level, String message) {
        return new AgentLogLine(clock.instant(), level, "build", message);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
