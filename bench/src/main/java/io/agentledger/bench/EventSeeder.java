package io.agentledger.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Grows the event store to a size while the service is stopped, by copying a real goal's events (its creation
 * and an update, as the service stored them) under new goal identifiers, into the same table and indices.
 * When the database user may, the copies skip the hash-chain trigger ({@code session_replication_role}), which
 * would otherwise take most of the seeding time: the trigger's cost per append reads and writes one head row,
 * whatever the history's size, so growth figures do not depend on it. Such a store's chain does not verify;
 * it is a benchmark's store. The table is then vacuumed and analysed, as after any bulk load, so the
 * measurements that follow do not share the machine with autovacuum catching up on millions of rows. Every
 * processor's token is moved to the new head, so the service starts without catching up on this synthetic
 * history (a replay walks it on purpose).
 */
final class EventSeeder {

    private static final int AGGREGATES_PER_STATEMENT = 1000;
    private static final long PROGRESS_EVERY = 1_000_000;

    private final Connection store;
    private long nextCopy;
    private String templateAggregate;

    EventSeeder(Connection store) {
        this.store = store;
    }

    /** Copies events until the store holds at least {@code target}; answers events written per second. */
    double growTo(long target) throws Exception {
        prepareTemplate();
        long head = Quiet.head(store);
        long written = 0;
        long begin = System.nanoTime();
        boolean unchained = skipChainTrigger();
        // the trigger numbers the rows itself; without it they take the sequence's next values in copy order
        String globalIndex = unchained ? "nextval('domain_event_entry_global_index_seq')" : "0";
        String insert = "INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type, "
                + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) "
                + "SELECT " + globalIndex + ", id, sequence_number, type, gen_random_uuid()::text, meta_data, "
                + "payload, payload_revision, payload_type, time_stamp FROM ("
                + "  SELECT c.id, t.sequence_number, t.type, t.meta_data, "
                + "  convert_to(replace(convert_from(t.payload, 'UTF8'), t.aggregate_identifier, c.id), 'UTF8') payload, "
                + "  t.payload_revision, t.payload_type, t.time_stamp "
                + "  FROM (SELECT g, left(?, length(?) - 12) || lpad(g::text, 12, '0') AS id "
                + "        FROM generate_series(?::bigint, ?::bigint) g) c CROSS JOIN seed_template t "
                + "  ORDER BY c.g, t.sequence_number) copies";
        try (PreparedStatement statement = store.prepareStatement(insert)) {
            while (head + written < target) {
                statement.setString(1, templateAggregate);
                statement.setString(2, templateAggregate);
                statement.setLong(3, nextCopy);
                statement.setLong(4, nextCopy + AGGREGATES_PER_STATEMENT - 1);
                int rows = statement.executeUpdate();
                if ((head + written) / PROGRESS_EVERY != (head + written + rows) / PROGRESS_EVERY) {
                    System.out.printf("seeded the store to %,d events%n", head + written + rows);
                }
                written += rows;
                nextCopy += AGGREGATES_PER_STATEMENT;
            }
        } finally {
            if (unchained) {
                maintain("RESET session_replication_role");
            }
        }
        double rate = written / ((System.nanoTime() - begin) / 1e9);
        maintain("VACUUM (ANALYZE) domain_event_entry");
        maintain("CHECKPOINT");
        moveTokensToHead();
        return rate;
    }

    private void maintain(String command) {
        try (Statement statement = store.createStatement()) {
            statement.execute(command);
        } catch (SQLException notAllowed) {
            System.out.println("skipped " + command + " (" + notAllowed.getMessage() + ")");
        }
    }

    /** @return whether the trigger is now skipped; a database user who may not leaves it in place */
    private boolean skipChainTrigger() {
        try (Statement statement = store.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            return true;
        } catch (SQLException notAllowed) {
            System.out.println("seeding through the hash-chain trigger (" + notAllowed.getMessage() + ")");
            return false;
        }
    }

    private void prepareTemplate() throws Exception {
        if (templateAggregate != null) {
            return;
        }
        try (Statement statement = store.createStatement()) {
            statement.execute("CREATE TEMP TABLE seed_template AS SELECT * FROM domain_event_entry "
                    + "WHERE aggregate_identifier = (SELECT aggregate_identifier FROM domain_event_entry "
                    + "WHERE payload_type LIKE '%GoalUpdated' AND sequence_number = 1 ORDER BY global_index LIMIT 1) "
                    + "AND sequence_number <= 1");
            try (var result = statement.executeQuery("SELECT aggregate_identifier, count(*) FROM seed_template "
                    + "GROUP BY aggregate_identifier")) {
                if (!result.next() || result.getLong(2) != 2) {
                    throw new IllegalStateException("No goal that was created and updated once to copy");
                }
                templateAggregate = result.getString(1);
            }
        }
        nextCopy = 1;
    }

    private void moveTokensToHead() throws Exception {
        long head = Quiet.head(store);
        try (PreparedStatement statement = store.prepareStatement("UPDATE token_entry SET token = convert_to("
                + "'{\"index\":' || ? || ',\"gaps\":[]}', 'UTF8'), "
                + "token_type = 'org.axonframework.eventhandling.GapAwareTrackingToken', owner = NULL "
                + "WHERE token IS NOT NULL")) {
            statement.setLong(1, head);
            statement.executeUpdate();
        }
    }
}
