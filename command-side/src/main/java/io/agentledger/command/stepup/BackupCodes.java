package io.agentledger.command.stepup;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One-time codes, shown once and stored as SHA-256 digests (they are random, so no slow hash is needed). */
@Component
class BackupCodes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final JdbcTemplate jdbc;

    BackupCodes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the user's codes with {@code count} new ones. */
    List<String> replace(String userId, int count) {
        jdbc.update("DELETE FROM backup_code WHERE user_id = ?", userId);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(code.substring(0, 5) + "-" + code.substring(5));
            jdbc.update("INSERT INTO backup_code (user_id, digest) VALUES (?, ?)", userId,
                    digest(codes.get(i)));
        }
        return codes;
    }

    boolean hasAny(String userId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM backup_code WHERE user_id = ?", Integer.class,
                userId);
        return count != null && count > 0;
    }

    /** Uses up the code if it is one of the user's unused codes. */
    boolean redeem(String userId, String code) {
        return jdbc.update("UPDATE backup_code SET used_at = now() WHERE user_id = ? AND digest = ? "
                + "AND used_at IS NULL", userId, digest(code)) == 1;
    }

    private static byte[] digest(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.trim().toUpperCase(Locale.ROOT)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
