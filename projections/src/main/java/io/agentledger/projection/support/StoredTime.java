package io.agentledger.projection.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An event's timestamp as the event store keeps it (to the millisecond). A read model written in the
 * command's transaction sees the finer clock reading; kept to the stored precision, a replay agrees.
 */
public final class StoredTime {

    private StoredTime() {
    }

    public static Instant of(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS);
    }
}
