package io.agentledger.kernel.memory;

import java.util.List;
import java.util.Map;

/** A document as seed 000's upsert gives it; {@code tags} are its metadata's labels and tags. */
public record DocumentContent(String sourceUri, String app, String owner, String title, String content,
                              String mimeType, Long fileSize, String hash, Map<String, Object> metadata,
                              Sensitivity sensitivity, Integer ttlDays, List<String> tags) {
}
