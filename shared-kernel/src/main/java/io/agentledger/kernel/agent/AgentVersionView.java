package io.agentledger.kernel.agent;

import java.time.Instant;

/**
 * A package version as seed 001 shows it: {@code build_log} is the build's lines as text, {@code config}
 * the manifest as written, {@code checksum} its sha256.
 */
public record AgentVersionView(String id, String agentId, String version, VersionStatus status, String buildLog,
                               String tarballPath, long sizeBytes, String checksum, String entrypoint,
                               String runtime, String config, String error, String uploadedBy, Instant createdAt,
                               Instant updatedAt) {
}
