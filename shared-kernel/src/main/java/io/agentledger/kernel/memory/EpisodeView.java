package io.agentledger.kernel.memory;

import java.time.Instant;
import java.util.List;

public record EpisodeView(String id, String documentId, String type, String title, String summary,
                          List<String> participants, String sensitivity, Instant occurredAt, Instant createdAt) {
}
