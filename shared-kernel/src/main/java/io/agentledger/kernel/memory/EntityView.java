package io.agentledger.kernel.memory;

import java.time.Instant;

/** Active while at least one live document mentions it; {@code mentions} counts those the caller may see. */
public record EntityView(String id, String type, String name, boolean isActive, long mentions,
                         Instant firstSeenAt, Instant lastSeenAt) {
}
