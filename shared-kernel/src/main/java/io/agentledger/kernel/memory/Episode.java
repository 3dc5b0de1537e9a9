package io.agentledger.kernel.memory;

import java.time.Instant;
import java.util.List;

/** What a document records as having happened: an email, meeting, call or note, with who took part. */
public record Episode(String type, String title, List<String> participants, Instant occurredAt, String summary) {

    public static final List<String> TYPES = List.of("email", "meeting", "call", "note");
}
