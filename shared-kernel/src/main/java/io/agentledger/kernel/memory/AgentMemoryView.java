package io.agentledger.kernel.memory;

import java.time.Instant;
import java.util.List;

public record AgentMemoryView(String id, String agentId, String memoryType, Object content, List<String> tags,
                              String storedBy, Instant createdAt, Instant expiresAt) {
}
