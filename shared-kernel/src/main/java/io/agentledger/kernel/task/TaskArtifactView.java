package io.agentledger.kernel.task;

import java.time.Instant;

public record TaskArtifactView(String id, String taskId, String tenantId, String name, String type,
                               String contentType, long size, String sha256, Instant createdAt) {
}
