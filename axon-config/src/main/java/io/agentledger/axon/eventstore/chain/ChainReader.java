package io.agentledger.axon.eventstore.chain;

import io.agentledger.axon.eventstore.chain.EventChain.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads sealed events in global order through a cursor, so any range fits in a small heap. Events
 * still waiting for their seal (at negative provisional positions) are not part of the chain yet.
 */
@Component
public class ChainReader {

    static final int FETCH_SIZE = 500;
    private static final String COLUMNS = "global_index, event_identifier, type, aggregate_identifier, "
            + "sequence_number, time_stamp, payload_type, payload_revision, payload, meta_data, chain_link";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public ChainReader(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transaction.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    /** Events with {@code from <= global_index <= to} (null: unbounded), in order. */
    public void forEach(Long from, Long to, Consumer<StoredEvent> consumer) {
        readOnly.executeWithoutResult(status -> jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM domain_event_entry e WHERE global_index >= ? AND global_index <= ? ORDER BY global_index",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(FETCH_SIZE);
            statement.setLong(1, from == null ? 1 : Math.max(1, from));
            statement.setLong(2, to == null ? Long.MAX_VALUE : to);
            return statement;
        }, (ResultSet rs) -> {
            consumer.accept(event(rs));
        }));
    }

    /** One tenant's events in order, each with the link stored just before it (in any tenant's event). */
    public void forEachOfTenant(String tenantId, Long from, Long to, BiConsumer<StoredEvent, byte[]> consumer) {
        forEachOfTenant(new TenantSlice(tenantId, from, to, null, null, null), consumer);
    }

    /**
     * The events of a tenant's slice, selected through the tenant index, in order, each with the link
     * stored just before it (in any tenant's event).
     */
    public void forEachOfTenant(TenantSlice slice, BiConsumer<StoredEvent, byte[]> consumer) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + ", (SELECT p.chain_link FROM domain_event_entry p "
                + "WHERE p.global_index < e.global_index AND p.global_index > 0 ORDER BY p.global_index DESC LIMIT 1) FROM domain_event_entry e "
                + "WHERE tenant_id = ? AND global_index >= ? AND global_index <= ?");
        java.util.List<Object> parameters = new java.util.ArrayList<>(java.util.List.of(slice.tenantId(),
                slice.from() == null ? 1 : Math.max(1, slice.from()), slice.to() == null ? Long.MAX_VALUE : slice.to()));
        if (slice.aggregateType() != null) {
            sql.append(" AND type = ?");
            parameters.add(slice.aggregateType());
        }
        if (slice.since() != null) {
            sql.append(" AND time_stamp::timestamptz >= ?");
            parameters.add(java.sql.Timestamp.from(slice.since()));
        }
        if (slice.until() != null) {
            sql.append(" AND time_stamp::timestamptz <= ?");
            parameters.add(java.sql.Timestamp.from(slice.until()));
        }
        sql.append(" ORDER BY global_index");
        readOnly.executeWithoutResult(status -> jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return statement;
        }, (ResultSet rs) -> {
            byte[] before = rs.getBytes(12);
            consumer.accept(event(rs), before == null ? EventChain.GENESIS : before);
        }));
    }

    /** A tenant's events between positions (null: unbounded), of one aggregate type and between two times, if given. */
    public record TenantSlice(String tenantId, Long from, Long to, String aggregateType, java.time.Instant since,
                              java.time.Instant until) {
    }

    private static StoredEvent event(ResultSet rs) throws java.sql.SQLException {
        return new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10),
                rs.getBytes(11));
    }

    /**
     * Events stored and committed but not yet sealed into the chain (the tail a verification does not
     * cover yet), and when the oldest of them was stored (null when none).
     */
    public UnsealedTail unsealedTail() {
        return jdbc.queryForObject("SELECT count(*), min(time_stamp) FROM domain_event_entry WHERE global_index < 0",
                (rs, i) -> new UnsealedTail(rs.getLong(1), rs.getString(2) == null ? null
                        : Instant.parse(rs.getString(2))));
    }

    public record UnsealedTail(long events, Instant oldestStoredAt) {

        /** Whether sealing lags: an event has waited longer than {@code allowed} for its seal. */
        public boolean behind(Instant now, Duration allowed) {
            return oldestStoredAt != null && oldestStoredAt.plus(allowed).isBefore(now);
        }
    }

    /** The link of the last event before {@code position}, where a partial verification starts. */
    public byte[] linkBefore(long position) {
        return jdbc.queryForList("SELECT chain_link FROM domain_event_entry WHERE global_index < ? "
                + "AND global_index > 0 ORDER BY global_index DESC LIMIT 1", byte[].class, position).stream().findFirst()
                .orElse(EventChain.GENESIS);
    }
}
