package io.agentledger.kernel.memory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A memory document as listed (its content is in the search index, not here). */
public record DocumentView(String id, String tenantId, String sourceUri, String app, String owner, String title,
                           String mimeType, Long fileSize, String hash, Map<String, Object> metadata,
                           List<String> tags, String sensitivity, String uploadedBy, Integer ttlDays,
                           Instant expiresAt, int contentLength, String extractor, boolean isIndexed, long version,
                           Instant createdAt, Instant updatedAt) {
}
