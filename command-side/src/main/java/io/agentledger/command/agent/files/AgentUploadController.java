package io.agentledger.command.agent.files;

import io.agentledger.command.agent.build.AgentPackageLimits;
import io.agentledger.command.web.ReadModelAwait;
import io.agentledger.kernel.agent.AgentCommands.UploadAgentVersion;
import io.agentledger.kernel.agent.AgentQueries.FindAgent;
import io.agentledger.kernel.agent.AgentQueries.FindAgentVersion;
import io.agentledger.kernel.agent.AgentQueries.FindPackageVersion;
import io.agentledger.kernel.agent.AgentStatus;
import io.agentledger.kernel.agent.AgentVersionView;
import io.agentledger.kernel.agent.AgentView;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.id.IdPrefix;
import io.agentledger.kernel.id.Ids;
import io.agentledger.kernel.identity.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Seed 001's uploads: a {@code .tar.gz} package becomes the agent's next version (its build runs in the
 * background), and a stored file is downloaded by its path, only by its own tenant.
 */
@RestController
public class AgentUploadController {

    private static final String PREFIX = "/api/v1/uploads/";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadModelAwait readModel;
    private final AgentFiles files;
    private final AgentPackageLimits limits;
    private final Clock clock;

    public AgentUploadController(CommandGateway commands, QueryGateway queries, ReadModelAwait readModel,
                                 AgentFiles files, AgentPackageLimits limits, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.readModel = readModel;
        this.files = files;
        this.limits = limits;
        this.clock = clock;
    }

    @PostMapping(path = PREFIX + "agent/{agentId}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('write:agents')")
    public ResponseEntity<AgentVersionView> upload(@PathVariable String agentId,
                                                   @RequestPart(name = "file", required = false) MultipartFile file,
                                                   @AuthenticationPrincipal Caller caller) throws IOException {
        AgentView agent = queries.query(new FindAgent(agentId, caller.tenantId()), AgentView.class).join();
        if (agent == null) {
            throw DomainException.notFound("Agent " + agentId + " not found");
        }
        if (agent.status() == AgentStatus.ARCHIVED) {
            throw DomainException.conflict("Agent " + agentId + " is archived and takes no packages");
        }
        if (file == null || file.isEmpty()) {
            throw DomainException.badRequest("Send the package as the multipart part \"file\"");
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase();
        if (!name.endsWith(".tar.gz") && !name.endsWith(".tgz")) {
            throw DomainException.badRequest("File must be a .tar.gz archive");
        }
        if (file.getSize() > limits.maxUpload().toBytes()) {
            throw new DomainException(io.agentledger.kernel.error.ErrorCode.PAYLOAD_TOO_LARGE,
                    "The package is larger than " + limits.maxUpload().toBytes() + " bytes");
        }
        String versionId = Ids.newId(IdPrefix.AGENT_VERSION, clock);
        String relative = AgentFiles.artifactPath(agentId, versionId);
        Path target = files.tenantRoot(caller.tenantId()).resolve(relative);
        Stored stored = store(file, target);
        try {
            commands.sendAndWait(new UploadAgentVersion(agentId, caller.tenantId(), caller.userId(), versionId,
                    relative, stored.size(), stored.sha256()));
        } catch (RuntimeException refused) {
            Files.deleteIfExists(target);
            throw refused;
        }
        readModel.awaitVersion(new FindAgentVersion(agentId), agent.version() + 1);
        AgentVersionView version = queries.query(new FindPackageVersion(versionId, caller.tenantId()),
                AgentVersionView.class).join();
        return ResponseEntity.status(HttpStatus.CREATED).body(version);
    }

    @GetMapping(PREFIX + "**")
    @PreAuthorize("hasAuthority('read:agents')")
    public ResponseEntity<Resource> download(HttpServletRequest request, @AuthenticationPrincipal Caller caller) {
        String relative = request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length());
        Path file = files.existingFile(caller.tenantId(), relative);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.getFileName() + "\"")
                .body(new FileSystemResource(file));
    }

    /** Streams the part to disk with its digest; checks the gzip signature on the way. */
    private static Stored store(MultipartFile file, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        MessageDigest sha256 = sha256();
        long size;
        try (InputStream in = file.getInputStream();
             OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha256)) {
            byte[] head = in.readNBytes(2);
            if (head.length < 2 || (head[0] & 0xff) != 0x1f || (head[1] & 0xff) != 0x8b) {
                throw DomainException.badRequest("File must be a .tar.gz archive (it is not gzip-compressed)");
            }
            out.write(head);
            size = 2 + in.transferTo(out);
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return new Stored(size, HexFormat.of().formatHex(sha256.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Stored(long size, String sha256) {
    }
}
