package io.agentledger.app.processing;

import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;

/**
 * Where a processor stands according to the token store, for a processor whose segments another node
 * holds (this node's own status knows nothing of them). Read without claiming anything.
 */
@Component
public class StoredTokens {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public StoredTokens(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /**
     * From the processor itself where this node holds its segments, else from the token store (nothing
     * known, when the database cannot answer).
     */
    public ProcessorProgress progress(StreamingEventProcessor processor, long head) {
        if (heldHere(processor)) {
            return ProcessorProgress.of(processor);
        }
        try {
            return stored(processor.getName(), head);
        } catch (RuntimeException unreachable) {
            return new ProcessorProgress(0, false, false);
        }
    }

    public static boolean heldHere(StreamingEventProcessor processor) {
        return !processor.processingStatus().isEmpty();
    }

    private ProcessorProgress stored(String processor, long head) {
        List<TrackingToken> tokens = jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                (row, i) -> row.getBytes(1) == null ? null : serializer.<byte[], TrackingToken>deserialize(
                        new SimpleSerializedObject<>(row.getBytes(1), byte[].class, row.getString(2), null)),
                processor);
        long position = tokens.stream().map(t -> t == null ? 0L : t.position().orElse(0L))
                .min(Long::compare).orElse(0L);
        boolean caughtUp = !tokens.isEmpty() && position >= head;
        // a replay token stays one until an event past the reset point arrives; at the head it is done
        boolean replaying = !caughtUp && tokens.stream().filter(Objects::nonNull).anyMatch(ReplayToken::isReplay);
        return new ProcessorProgress(position, caughtUp, replaying);
    }
}
