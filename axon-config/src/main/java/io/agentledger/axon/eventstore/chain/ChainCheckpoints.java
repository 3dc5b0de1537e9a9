package io.agentledger.axon.eventstore.chain;

import io.agentledger.axon.secret.SecretFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Signs the chain head at intervals with HMAC-SHA256 under a key kept out of the database, so that
 * whoever can rewrite rows (and recompute every link after them) still cannot forge the checkpoints.
 * Each checkpoint signs its predecessor's position and signature too: they form a chain of their own,
 * and one removed from the middle or the end breaks it.
 */
@Component
public class ChainCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(ChainCheckpoints.class);
    /** Serialises checkpointing across every node on the database. */
    private static final long LOCK = 0x41_4c_43_48_4b_50_54L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final byte[] key;
    private final String keyId;
    private volatile Checkpoint lastSigned;

    public ChainCheckpoints(JdbcTemplate jdbc, TransactionTemplate transaction, ChainProperties properties,
                            @Value("${agentledger.data-dir:./data}") Path dataDir) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.key = key(properties, dataDir);
        this.keyId = keyId(key);
    }

    private static byte[] key(ChainProperties properties, Path dataDir) {
        String configured = properties.checkpointKey();
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < 32) {
                throw new IllegalStateException("The audit checkpoint key must be at least 32 characters long");
            }
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        Path file = properties.checkpointKeyFile() != null ? properties.checkpointKeyFile()
                : dataDir.resolve("checkpoint.key");
        Properties stored = SecretFiles.readOrCreate(file, "AgentLedger audit checkpoint key: keep it secret and "
                + "backed up; without it earlier checkpoints cannot be checked", ChainCheckpoints::newKey);
        log.info("Audit checkpoints signed with the key kept in {}", file.toAbsolutePath());
        return Base64.getDecoder().decode(stored.getProperty("key").trim());
    }

    private static Properties newKey() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        Properties properties = new Properties();
        properties.setProperty("key", Base64.getEncoder().encodeToString(random));
        return properties;
    }

    @Scheduled(fixedDelayString = "${agentledger.audit.checkpoint-interval:PT1M}",
            initialDelayString = "${agentledger.audit.checkpoint-interval:PT1M}")
    public void scheduled() {
        checkpoint();
    }

    /** Signs the current head unless it is already signed; returns the position signed, 0 for none. */
    public long checkpoint() {
        Checkpoint signed = transaction.execute(status -> {
            jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", LOCK);
            Map<String, Object> head = jdbc.queryForMap("SELECT position, link FROM event_chain_head WHERE id = 1");
            long position = ((Number) head.get("position")).longValue();
            if (position == 0) {
                return null;
            }
            Optional<Checkpoint> previous = latest();
            if (previous.isPresent() && previous.get().position() >= position) {
                return previous.get();
            }
            long previousPosition = previous.map(Checkpoint::position).orElse(0L);
            byte[] previousSignature = previous.map(Checkpoint::signature).orElse(null);
            byte[] link = (byte[]) head.get("link");
            Checkpoint checkpoint = new Checkpoint(position, link, sign(position, link, previousPosition,
                    previousSignature), keyId, previousPosition, previousSignature);
            jdbc.update("INSERT INTO event_chain_checkpoint (position, link, signature, key_id, previous_position, "
                    + "previous_signature) VALUES (?, ?, ?, ?, ?, ?)", position, link, checkpoint.signature(), keyId,
                    previousPosition, previousSignature);
            return checkpoint;
        });
        if (signed == null) {
            return 0;
        }
        lastSigned = signed;
        return signed.position();
    }

    /** The newest checkpoint this process signed: the database must still hold it. */
    public Optional<Checkpoint> lastSigned() {
        return Optional.ofNullable(lastSigned);
    }

    public List<Checkpoint> between(Long from, Long to) {
        return jdbc.query(SELECT + "WHERE position >= ? AND position <= ? ORDER BY position", ChainCheckpoints::row,
                from == null ? Long.MIN_VALUE : from, to == null ? Long.MAX_VALUE : to);
    }

    public Optional<Checkpoint> at(long position) {
        return jdbc.query(SELECT + "WHERE position = ?", ChainCheckpoints::row, position).stream().findFirst();
    }

    public Optional<Checkpoint> latest() {
        return jdbc.query(SELECT + "ORDER BY position DESC LIMIT 1", ChainCheckpoints::row).stream().findFirst();
    }

    private static final String SELECT = "SELECT position, link, signature, key_id, previous_position, "
            + "previous_signature FROM event_chain_checkpoint ";

    private static Checkpoint row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        long previous = rs.getLong(5);
        return new Checkpoint(rs.getLong(1), rs.getBytes(2), rs.getBytes(3), rs.getString(4),
                rs.wasNull() ? null : previous, rs.getBytes(6));
    }

    /** Null when the signature is good, otherwise what is wrong with it. */
    public String problemWith(Checkpoint checkpoint) {
        if (!keyId.equals(checkpoint.keyId())) {
            return "signed with key " + checkpoint.keyId() + ", which this service does not hold";
        }
        byte[] expected = checkpoint.chained()
                ? sign(checkpoint.position(), checkpoint.link(), checkpoint.previousPosition(),
                checkpoint.previousSignature())
                : sign(checkpoint.position(), checkpoint.link());
        return MessageDigest.isEqual(expected, checkpoint.signature()) ? null
                : "its signature does not match its position, link and predecessor";
    }

    private byte[] sign(long position, byte[] link, long previousPosition, byte[] previousSignature) {
        return mac(ByteBuffer.allocate(8).putLong(position).array(), link,
                ByteBuffer.allocate(8).putLong(previousPosition).array(),
                previousSignature == null ? new byte[0] : previousSignature);
    }

    /** Checkpoints from before they were chained. */
    private byte[] sign(long position, byte[] link) {
        return mac(ByteBuffer.allocate(8).putLong(position).array(), link);
    }

    private byte[] mac(byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
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

    /** {@code previousPosition} is 0 for the first checkpoint, null for one signed before checkpoints were chained. */
    public record Checkpoint(long position, byte[] link, byte[] signature, String keyId, Long previousPosition,
                             byte[] previousSignature) {

        boolean chained() {
            return previousPosition != null;
        }
    }
}
