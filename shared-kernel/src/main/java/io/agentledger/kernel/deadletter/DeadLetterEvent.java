package io.agentledger.kernel.deadletter;

import org.axonframework.serialization.Revision;

/**
 * A platform admin's decision about an event a read model parked: retried (and whether it then
 * applied) or evicted (the read model goes on without it until a replay).
 */
public sealed interface DeadLetterEvent permits DeadLetterEvent.DeadLetterRetried,
        DeadLetterEvent.DeadLetterEvicted {

    String deadLetterId();

    @Revision("1")
    record DeadLetterRetried(String deadLetterId, String processingGroup, String eventId, boolean applied,
                             String decidedBy) implements DeadLetterEvent {
    }

    @Revision("1")
    record DeadLetterEvicted(String deadLetterId, String processingGroup, String eventId, String reason,
                             String decidedBy) implements DeadLetterEvent {
    }
}
