package io.agentledger.axon.eventstore.chain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Signs the chain head at intervals with HMAC-SHA256 under a key kept out of the database, so that
 * whoever can rewrite rows (and recompute every link after them) still cannot forge the checkpoints.
 */
@Component
public class ChainCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(ChainCheckpoints.class);

    private final JdbcTemplate jdbc;
    private final byte[] key;
    private final String keyId;

    public ChainCheckpoints(JdbcTemplate jdbc, ChainProperties properties) {
        this.jdbc = jdbc;
        String configured = properties.checkpointKey();
        if (configured == null || configured.isBlank()) {
            log.warn("No checkpoint key configured (AUDIT_CHECKPOINT_KEY): using a random one for this process");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            this.key = random;
        } else if (configured.length() < 32) {
            throw new IllegalStateException("The audit checkpoint key must be at least 32 characters long");
        } else {
            this.key = configured.getBytes(StandardCharsets.UTF_8);
        }
        this.keyId = keyId(key);
    }

    @Scheduled(fixedDelayString = "${agentledger.audit.checkpoint-interval:PT1M}",
            initialDelayString = "${agentledger.audit.checkpoint-interval:PT1M}")
    public void scheduled() {
        checkpoint();
    }

    /** Signs the current head unless it is already signed; returns the position signed, 0 for none. */
    public long checkpoint() {
        Map<String, Object> head = jdbc.queryForMap("SELECT position, link FROM event_chain_head WHERE id = 1");
        long position = ((Number) head.get("position")).longValue();
        byte[] link = (byte[]) head.get("link");
        if (position == 0) {
            return 0;
        }
        jdbc.update("INSERT INTO event_chain_checkpoint (position, link, signature, key_id) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (position) DO NOTHING", position, link, sign(position, link), keyId);
        return position;
    }

    public List<Checkpoint> between(Long from, Long to) {
        return jdbc.query("SELECT position, link, signature, key_id FROM event_chain_checkpoint "
                        + "WHERE position >= ? AND position <= ? ORDER BY position",
                (rs, i) -> new Checkpoint(rs.getLong(1), rs.getBytes(2), rs.getBytes(3), rs.getString(4)),
                from == null ? Long.MIN_VALUE : from, to == null ? Long.MAX_VALUE : to);
    }

    /** Null when the signature is good, otherwise what is wrong with it. */
    public String problemWith(Checkpoint checkpoint) {
        if (!keyId.equals(checkpoint.keyId())) {
            return "signed with key " + checkpoint.keyId() + ", which this service does not hold";
        }
        return MessageDigest.isEqual(sign(checkpoint.position(), checkpoint.link()), checkpoint.signature()) ? null
                : "its signature does not match its position and link";
    }

    private byte[] sign(long position, byte[] link) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(ByteBuffer.allocate(8).putLong(position).array());
            return mac.doFinal(link);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String keyId(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Checkpoint(long position, byte[] link, byte[] signature, String keyId) {
    }
}
