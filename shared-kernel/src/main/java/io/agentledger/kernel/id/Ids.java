package io.agentledger.kernel.id;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Prefixed, time-sortable identifiers ({@code goal_01JC7…}): a ULID (48-bit millisecond time plus
 * 80 random bits, Crockford base32) behind a resource prefix.
 */
public final class Ids {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newId(IdPrefix prefix) {
        return newId(prefix, Clock.systemUTC());
    }

    public static String newId(IdPrefix prefix, Clock clock) {
        return prefix.value() + "_" + ulid(clock.millis());
    }

    public static boolean hasPrefix(String id, IdPrefix prefix) {
        return id != null && id.startsWith(prefix.value() + "_") && id.length() == prefix.value().length() + 27;
    }

    static String ulid(long millis) {
        char[] out = new char[26];
        long time = millis;
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long high = ((random[0] & 0xFFL) << 32) | ((random[1] & 0xFFL) << 24) | ((random[2] & 0xFFL) << 16)
                | ((random[3] & 0xFFL) << 8) | (random[4] & 0xFFL);
        long low = ((random[5] & 0xFFL) << 32) | ((random[6] & 0xFFL) << 24) | ((random[7] & 0xFFL) << 16)
                | ((random[8] & 0xFFL) << 8) | (random[9] & 0xFFL);
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (high & 31)];
            high >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (low & 31)];
            low >>>= 5;
        }
        return new String(out);
    }
}
