package io.agentledger.axon.eventstore.chain;

import io.agentledger.axon.eventstore.chain.EventChain.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.function.Consumer;

/** Reads stored events in global order through a cursor, so any range fits in a small heap. */
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
                    + " FROM domain_event_entry WHERE global_index >= ? AND global_index <= ? ORDER BY global_index",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(FETCH_SIZE);
            statement.setLong(1, from == null ? Long.MIN_VALUE : from);
            statement.setLong(2, to == null ? Long.MAX_VALUE : to);
            return statement;
        }, (ResultSet rs) -> {
            consumer.accept(new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10),
                    rs.getBytes(11)));
        }));
    }

    /** The link of the last event before {@code position}, where a partial verification starts. */
    public byte[] linkBefore(long position) {
        return jdbc.queryForList("SELECT chain_link FROM domain_event_entry WHERE global_index < ? "
                + "ORDER BY global_index DESC LIMIT 1", byte[].class, position).stream().findFirst()
                .orElse(EventChain.GENESIS);
    }
}
