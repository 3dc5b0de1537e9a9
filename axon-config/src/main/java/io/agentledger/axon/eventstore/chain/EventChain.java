package io.agentledger.axon.eventstore.chain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The link of one event in the chain, exactly as the database's {@code event_chain_link} computes
 * it: SHA-256 over the previous link, the position, and each field as its length and bytes.
 */
public final class EventChain {

    public static final byte[] GENESIS = new byte[32];

    private EventChain() {
    }

    public record StoredEvent(long globalIndex, String eventIdentifier, String type, String aggregateIdentifier,
                              long sequenceNumber, String timeStamp, String payloadType, String payloadRevision,
                              byte[] payload, byte[] metaData, byte[] chainLink) {
    }

    public static byte[] link(byte[] previous, StoredEvent e) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + (e.payload() == null ? 0 : e.payload().length));
        bytes.writeBytes(previous);
        bytes.writeBytes(ByteBuffer.allocate(8).putLong(e.globalIndex()).array());
        text(bytes, e.eventIdentifier());
        text(bytes, e.type());
        text(bytes, e.aggregateIdentifier());
        bytes.writeBytes(ByteBuffer.allocate(8).putLong(e.sequenceNumber()).array());
        text(bytes, e.timeStamp());
        text(bytes, e.payloadType());
        text(bytes, e.payloadRevision());
        field(bytes, e.payload());
        field(bytes, e.metaData());
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void text(ByteArrayOutputStream out, String value) {
        field(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            out.writeBytes(value);
        }
    }
}
