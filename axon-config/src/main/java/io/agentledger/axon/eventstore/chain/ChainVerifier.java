package io.agentledger.axon.eventstore.chain;

import io.agentledger.axon.eventstore.chain.ChainCheckpoints.Checkpoint;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Recomputes the chain over a range of the stored events and reports the first position where
 * what is stored no longer matches what was chained, then checks the signed checkpoints as a chain
 * of their own and, over the whole store, that the walk ends where the chain head and the newest
 * checkpoint say it must.
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

    /** The whole chain in {@code from..to} (null: unbounded): every link, every checkpoint, and the end. */
    public Verification verify(Long from, Long to) {
        // what the end must match is read before the walk, which then stops at that head: events
        // appended meanwhile are not part of this verification
        End end = to == null ? new End(checkpoints.lastSigned(), checkpoints.latest(), head()) : null;
        Long until = end == null ? to : Long.valueOf(end.headPosition());
        Walk walk = new Walk(from == null ? EventChain.GENESIS : reader.linkBefore(from),
                from == null ? 0 : previousPosition(from));
        reader.forEach(from, until, walk::accept);
        int checkpointsChecked = checkCheckpoints(from, until, walk);
        if (end != null && walk.broken == null) {
            checkEnd(walk, end);
        }
        return walk.result(checkpointsChecked, reader.unsealedTail().events());
    }

    private Map<String, Object> head() {
        return jdbc.queryForMap("SELECT position, link FROM event_chain_head WHERE id = 1");
    }

    private record End(Optional<Checkpoint> lastSigned, Optional<Checkpoint> latest, Map<String, Object> head) {

        long headPosition() {
            return ((Number) head.get("position")).longValue();
        }

        byte[] headLink() {
            return (byte[]) head.get("link");
        }
    }

    /**
     * One tenant's events in {@code from..to}: each must match its link given the link stored before
     * it; the checkpoints in the range are checked as in {@link #verify}.
     */
    public Verification verifyTenant(String tenantId, Long from, Long to) {
        Walk walk = new Walk(null, 0);
        reader.forEachOfTenant(tenantId, from, to, walk::acceptAlone);
        int checkpointsChecked = checkCheckpoints(from, to, walk);
        return walk.result(checkpointsChecked, reader.unsealedTail().events());
    }

    private int checkCheckpoints(Long from, Long to, Walk walk) {
        int checked = 0;
        Checkpoint prior = null;
        for (Checkpoint checkpoint : checkpoints.between(from, to)) {
            checked++;
            if (walk.broken != null) {
                break;
            }
            String problem = checkpoints.problemWith(checkpoint);
            if (problem == null && checkpoint.chained()) {
                problem = problemWithPredecessor(checkpoint, prior);
            }
            Optional<byte[]> stored = storedLink(checkpoint.position());
            if (problem == null && (stored.isEmpty() || !MessageDigest.isEqual(stored.get(), checkpoint.link()))) {
                problem = "the chain at this position differs from the signed checkpoint (rewritten history)";
            }
            if (problem != null) {
                walk.broken = new Broken(checkpoint.position(), "checkpoint at " + checkpoint.position() + ": "
                        + problem);
            }
            prior = checkpoint;
        }
        return checked;
    }

    private String problemWithPredecessor(Checkpoint checkpoint, Checkpoint prior) {
        long expected = checkpoint.previousPosition();
        if (prior != null && prior.position() != expected) {
            return "it follows the checkpoint at " + expected + ", but the one before it is at " + prior.position()
                    + " (checkpoints removed or inserted)";
        }
        Checkpoint predecessor = prior != null || expected == 0 ? prior : checkpoints.at(expected).orElse(null);
        if (expected != 0 && predecessor == null) {
            return "the checkpoint it follows, at " + expected + ", is missing (checkpoints removed)";
        }
        if (predecessor != null && !MessageDigest.isEqual(predecessor.signature(), checkpoint.previousSignature())) {
            return "it does not follow the checkpoint stored at " + expected + " (a checkpoint was replaced)";
        }
        return null;
    }

    /** The walk must end at the chain head, and the newest checkpoint (and the one this process signed last) in it. */
    private void checkEnd(Walk walk, End end) {
        if (end.headPosition() != walk.lastPosition || walk.lastLink != null && !MessageDigest.isEqual(end.headLink(),
                walk.lastLink)) {
            walk.broken = new Broken(walk.lastPosition + 1, "the store ends at position " + walk.lastPosition
                    + " but the chain head is at " + end.headPosition() + ": events at the end were removed or the "
                    + "head was changed");
            return;
        }
        if (end.latest().isPresent() && end.latest().get().position() > walk.lastPosition) {
            walk.broken = new Broken(walk.lastPosition + 1, "a signed checkpoint at " + end.latest().get().position()
                    + " lies beyond the end of the store: events at the end were removed");
            return;
        }
        end.lastSigned().ifPresent(signed -> {
            boolean kept = checkpoints.at(signed.position()).map(stored -> MessageDigest.isEqual(stored.signature(),
                    signed.signature())).orElse(false);
            if (!kept || signed.position() > walk.lastPosition) {
                walk.broken = new Broken(Math.min(signed.position(), walk.lastPosition + 1), "the checkpoint this "
                        + "service signed at " + signed.position() + " is gone: the end of the history was cut off");
            }
        });
    }

    private long previousPosition(long from) {
        Long previous = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry WHERE global_index < ? "
                + "AND global_index > 0",
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

        /** An event checked against the link stored just before it, as one tenant's events are. */
        void acceptAlone(EventChain.StoredEvent event, byte[] linkBefore) {
            if (broken != null) {
                return;
            }
            checked++;
            lastPosition = event.globalIndex();
            lastLink = event.chainLink();
            if (event.chainLink() == null || !MessageDigest.isEqual(EventChain.link(linkBefore, event),
                    event.chainLink())) {
                broken = new Broken(event.globalIndex(), "the event does not match its chain link: it was changed, "
                        + "inserted or moved");
            }
        }

        Verification result(int checkpointsChecked, long unsealed) {
            return new Verification(broken == null, checked, lastPosition,
                    lastLink == null ? null : HexFormat.of().formatHex(lastLink), checkpointsChecked, broken, unsealed);
        }
    }

    /**
     * {@code head} is the last position checked and its link; {@code broken} the first problem, if any;
     * {@code unsealedEvents} the events stored after the sealed chain that no verification covers yet.
     */
    public record Verification(boolean ok, long eventsChecked, long headPosition, String headLink,
                               int checkpointsChecked, Broken broken, long unsealedEvents) {
    }

    public record Broken(long position, String reason) {
    }
}
