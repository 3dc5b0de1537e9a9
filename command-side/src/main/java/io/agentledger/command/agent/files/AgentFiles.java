package io.agentledger.command.agent.files;

import io.agentledger.kernel.error.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Each tenant's file store, {@code <data-dir>/files/<tenant>}: uploaded packages and their builds.
 * Paths handed to clients are relative to it, and a path from a client is resolved only inside it.
 */
@Component
public class AgentFiles {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_PATH = 512;

    private final Path root;

    public AgentFiles(@Value("${agentledger.data-dir:./data}") Path dataDir) {
        this.root = dataDir.resolve("files").toAbsolutePath().normalize();
    }

    public Path tenantRoot(String tenantId) {
        return root.resolve(id(tenantId));
    }

    public static String artifactPath(String agentId, String versionId) {
        return "agents/" + id(agentId) + "/artifacts/" + id(versionId) + ".tar.gz";
    }

    public Path buildDir(String tenantId, String agentId, String versionId) {
        return tenantRoot(tenantId).resolve("agents").resolve(id(agentId)).resolve("builds").resolve(id(versionId));
    }

    /**
     * The uploaded package at {@code relative} ({@code agents/<agent>/artifacts/<file>}) in the tenant's store. Absolute paths, {@code ..}, backslashes,
     * control characters and anything that leaves the store through a link are refused as not found.
     */
    public Path existingFile(String tenantId, String relative) {
        if (relative == null || relative.isEmpty() || relative.length() > MAX_PATH || relative.startsWith("/")
                || relative.contains("\\") || relative.chars().anyMatch(c -> c < 0x20)
                || Path.of(relative).isAbsolute()) {
            throw DomainException.notFound("No file " + printable(relative));
        }
        String[] parts = relative.split("/");
        for (String part : parts) {
            if (part.equals("..") || part.equals(".") || part.isEmpty()) {
                throw DomainException.notFound("No file " + printable(relative));
            }
        }
        if (parts.length != 4 || !parts[0].equals("agents") || !parts[2].equals("artifacts")) {
            throw DomainException.notFound("No file " + printable(relative) + ": only uploaded packages "
                    + "(agents/<agent>/artifacts/<file>) are served");
        }
        Path tenant = tenantRoot(tenantId);
        Path file = tenant.resolve(relative).normalize();
        try {
            if (!file.startsWith(tenant) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    || !file.toRealPath().startsWith(tenant.toRealPath())) {
                throw DomainException.notFound("No file " + printable(relative));
            }
        } catch (IOException e) {
            throw DomainException.notFound("No file " + printable(relative));
        }
        return file;
    }

    private static String id(String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new IllegalArgumentException("not an id: " + value);
        }
        return value;
    }

    private static String printable(String path) {
        String shown = path == null ? "" : path.replaceAll("[^\\x20-\\x7e]", "?");
        return shown.length() > 200 ? shown.substring(0, 200) + "…" : shown;
    }
}
