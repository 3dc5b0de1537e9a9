package io.agentledger.query.memory;

import java.time.Instant;
import java.util.List;

/** Seed 000's memory search parameters, validated. {@code type} is document, episode or entity. */
public record MemorySearchRequest(String query, String type, Instant from, Instant to, String sensitivity,
                                  List<String> tags, String owner, int limit) {
}
