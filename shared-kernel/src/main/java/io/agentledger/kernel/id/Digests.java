package io.agentledger.kernel.id;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lowercase hex: of stored bytes, or of text an id is derived from (cut to {@code length}). */
public final class Digests {

    private Digests() {
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    public static String sha256(String text, int length) {
        return sha256(text.getBytes(StandardCharsets.UTF_8)).substring(0, length);
    }
}
