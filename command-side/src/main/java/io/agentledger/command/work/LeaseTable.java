package io.agentledger.command.work;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A durable work queue in one table ({@code idColumn}, {@code tenant_id}, {@code enqueued_at},
 * {@code claimed_by}, {@code lease_until}): entries are claimed oldest first, skipping locked ones, and
 * held by a lease that its worker renews.
 */
public final class LeaseTable {

    private final JdbcTemplate jdbc;
    private final String table;
    private final String idColumn;

    public LeaseTable(JdbcTemplate jdbc, String table, String idColumn) {
        this.jdbc = jdbc;
        this.table = table;
        this.idColumn = idColumn;
    }

    /** Puts the entry in, or makes a waiting one claimable at once. */
    public void enqueue(String id, String tenantId) {
        jdbc.update("INSERT INTO " + table + " (" + idColumn + ", tenant_id) VALUES (?, ?) ON CONFLICT (" + idColumn
                + ") DO UPDATE SET claimed_by = NULL, lease_until = NULL, enqueued_at = now()", id, tenantId);
    }

    /** Makes a waiting entry claimable at once; one a worker holds is left alone. */
    public void wake(String id) {
        jdbc.update("UPDATE " + table + " SET lease_until = NULL WHERE " + idColumn + " = ? AND claimed_by IS NULL", id);
    }

    public void remove(String id) {
        jdbc.update("DELETE FROM " + table + " WHERE " + idColumn + " = ?", id);
    }

    public Optional<String> claim(String worker, Duration lease) {
        List<String> claimed = jdbc.queryForList("UPDATE " + table + " SET claimed_by = ?, "
                + "lease_until = now() + make_interval(secs => ?) WHERE " + idColumn + " = (SELECT " + idColumn
                + " FROM " + table + " WHERE lease_until IS NULL OR lease_until < now() ORDER BY enqueued_at LIMIT 1 "
                + "FOR UPDATE SKIP LOCKED) RETURNING " + idColumn, String.class, worker, seconds(lease));
        return claimed.stream().findFirst();
    }

    /** @return false when the entry is gone or belongs to another worker now */
    public boolean renew(String id, String worker, Duration lease) {
        return jdbc.update("UPDATE " + table + " SET lease_until = now() + make_interval(secs => ?) WHERE "
                + idColumn + " = ? AND claimed_by = ?", seconds(lease), id, worker) == 1;
    }

    /** Hands the entry back (if it is still there) to be taken up again after {@code delay}. */
    public void release(String id, String worker, Duration delay) {
        jdbc.update("UPDATE " + table + " SET claimed_by = NULL, lease_until = now() + make_interval(secs => ?) "
                + "WHERE " + idColumn + " = ? AND claimed_by = ?", seconds(delay), id, worker);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
