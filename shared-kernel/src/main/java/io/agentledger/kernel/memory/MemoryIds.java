package io.agentledger.kernel.memory;

import io.agentledger.kernel.id.IdPrefix;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Ids derived from what they name, so that every replay gives the same ones. */
public final class MemoryIds {

    private MemoryIds() {
    }

    /** One document per source URI in a tenant: upserting the same URI again reaches the same document. */
    public static String document(String tenantId, String sourceUri) {
        return IdPrefix.DOCUMENT.value() + "_" + digest(tenantId + "\n" + sourceUri);
    }

    public static String episode(String documentId) {
        return IdPrefix.EPISODE.value() + "_" + documentId.substring(documentId.indexOf('_') + 1);
    }

    public static String entity(String tenantId, EntityMention mention) {
        return IdPrefix.ENTITY.value() + "_" + digest(tenantId + "\n" + mention.type() + "\n"
                + mention.name().toLowerCase(Locale.ROOT));
    }

    static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
