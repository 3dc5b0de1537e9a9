package io.agentledger.projection.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

public final class Sql {

    /**
     * Where a versioned read model applies an event: the row standing at the version before the event's
     * (parameters: the row's id, then the event's version minus one).
     */
    public static final String AT_PREVIOUS_VERSION = "WHERE id = ? AND version = ?";

    private Sql() {
    }

    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** A LIKE pattern matching {@code text} anywhere, with LIKE's own wildcards taken literally. */
    public static String containsPattern(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
