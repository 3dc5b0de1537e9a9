package io.agentledger.axon.eventstore.chain;

import io.agentledger.axon.eventstore.chain.ChainCheckpoints.Checkpoint;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Recomputes the chain over a range of the stored events and reports the first position where
 * what is stored no longer matches what was chained, then checks the signed checkpoints.
 */
@Component
public class ChainVerifier {

    private final ChainReader reader;
    private final ChainCheckpoints checkpoints;
    private final JdbcTemplate jdbc;

    public ChainVerifier(ChainReader reader, ChainCheckpoints checkpoints, JdbcTemplate jdbc) {
        this.reader = reader;
        this.checkpoints = checkpoints;
        this.jdbc = jdbc;
    }

    public Verification verify(Long from, Long to) {
        Walk walk = new Walk(from == null ? EventChain.GENESIS : reader.linkBefore(from),
                from == null ? 0 : previousPosition(from));
        reader.forEach(from, to, walk::accept);
        int checkpointsChecked = 0;
        for (Checkpoint checkpoint : checkpoints.between(from, to)) {
            checkpointsChecked++;
            if (walk.broken != null) {
                break;
            }
            String problem = checkpoints.problemWith(checkpoint);
            Optional<byte[]> stored = storedLink(checkpoint.position());
            if (problem == null && (stored.isEmpty() || !MessageDigest.isEqual(stored.get(), checkpoint.link()))) {
                problem = "the chain at this position differs from the signed checkpoint (rewritten history)";
            }
            if (problem != null) {
                walk.broken = new Broken(checkpoint.position(), "checkpoint at " + checkpoint.position() + ": "
                        + problem);
            }
        }
        return new Verification(walk.broken == null, walk.checked, walk.lastPosition,
                walk.lastLink == null ? null : HexFormat.of().formatHex(walk.lastLink), checkpointsChecked, walk.broken);
    }

    private long previousPosition(long from) {
        Long previous = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry WHERE global_index < ?",
                Long.class, from);
        return previous == null ? 0 : previous;
    }

    private Optional<byte[]> storedLink(long position) {
        return jdbc.queryForList("SELECT chain_link FROM domain_event_entry WHERE global_index = ?", byte[].class,
                position).stream().findFirst();
    }

    private static final class Walk {
        private byte[] previous;
        private long previousPosition;
        private long checked;
        private long lastPosition;
        private byte[] lastLink;
        private Broken broken;

        Walk(byte[] previous, long previousPosition) {
            this.previous = previous;
            this.previousPosition = previousPosition;
        }

        void accept(EventChain.StoredEvent event) {
            if (broken != null) {
                return;
            }
            checked++;
            lastPosition = event.globalIndex();
            lastLink = event.chainLink();
            if (event.chainLink() == null) {
                broken = new Broken(event.globalIndex(), "the event has no chain link: it was stored outside the "
                        + "event store");
                return;
            }
            if (!MessageDigest.isEqual(EventChain.link(previous, event), event.chainLink())) {
                boolean gap = event.globalIndex() > previousPosition + 1;
                broken = gap
                        ? new Broken(previousPosition + 1, "an event is missing here (removed), or the event at "
                        + event.globalIndex() + " was changed or moved")
                        : new Broken(event.globalIndex(), "the event does not match its chain link: it was changed, "
                        + "inserted or moved");
                return;
            }
            previous = event.chainLink();
            previousPosition = event.globalIndex();
        }
    }

    /** {@code head} is the last position checked and its link; {@code broken} the first problem, if any. */
    public record Verification(boolean ok, long eventsChecked, long headPosition, String headLink,
                               int checkpointsChecked, Broken broken) {
    }

    public record Broken(long position, String reason) {
    }
}
