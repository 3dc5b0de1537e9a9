package io.agentledger.projection.connector;

import com.fasterxml.jackson.core.type.TypeReference;
import io.agentledger.kernel.connector.ConnectorEvent.ConnectorConnected;
import io.agentledger.kernel.connector.ConnectorEvent.ConnectorUpdated;
import io.agentledger.kernel.connector.ConnectorPage;
import io.agentledger.kernel.connector.ConnectorQueries.ListConnectors;
import io.agentledger.kernel.connector.ConnectorView;
import io.agentledger.projection.support.Filters;
import io.agentledger.projection.support.Json;
import io.agentledger.projection.support.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** connector_view: seed 000's connector, its last sync, never its tokens. */
@Repository
public class ConnectorViewRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private static final RowMapper<ConnectorView> ROW = (rs, i) -> new ConnectorView(rs.getString("id"),
            rs.getString("tenant_id"), rs.getString("owner_id"), rs.getString("provider"), rs.getString("name"),
            Json.read(rs.getString("scopes"), STRINGS), rs.getString("status"), Sql.instant(rs, "last_sync"),
            rs.getInt("sync_frequency"), Json.readMap(rs.getString("settings")), rs.getBoolean("is_enabled"),
            Sql.instant(rs, "token_expires_at"), rs.getString("error_message"),
            rs.getString("last_sync_id") == null ? null : new ConnectorView.SyncResult(rs.getString("last_sync_id"),
                    rs.getString("last_sync_status"), (Integer) rs.getObject("last_sync_items"),
                    rs.getString("last_sync_errors") == null ? null
                            : Json.read(rs.getString("last_sync_errors"), STRINGS)),
            rs.getLong("version"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));

    private final JdbcTemplate jdbc;

    public ConnectorViewRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ConnectorConnected e, long version, Instant at) {
        jdbc.update("INSERT INTO connector_view (id, tenant_id, owner_id, provider, name, scopes, status, "
                        + "sync_frequency, token_expires_at, version, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), 'active', ?, ?, ?, ?, ?)", e.connectorId(),
                e.tenantId(), e.ownerId(), e.provider(), e.name(), Json.write(e.scopes()), e.syncFrequency(),
                Sql.timestamp(e.tokenExpiresAt()), version, Sql.timestamp(at), Sql.timestamp(at));
    }

    void update(ConnectorUpdated e, long version, Instant at) {
        jdbc.update("UPDATE connector_view SET name = COALESCE(?, name), "
                        + "settings = COALESCE(CAST(? AS jsonb), settings), "
                        + "sync_frequency = COALESCE(?, sync_frequency), is_enabled = COALESCE(?, is_enabled), "
                        + "version = ?, updated_at = ? WHERE id = ?", e.name(),
                e.settings() == null ? null : Json.write(e.settings()), e.syncFrequency(), e.enabled(), version,
                Sql.timestamp(at), e.connectorId());
    }

    void refreshed(String connectorId, Instant tokenExpiresAt, long version, Instant at) {
        jdbc.update("UPDATE connector_view SET token_expires_at = ?, status = 'active', error_message = NULL, "
                + "version = ?, updated_at = ? WHERE id = ?", Sql.timestamp(tokenExpiresAt), version,
                Sql.timestamp(at), connectorId);
    }

    void failed(String connectorId, String message, long version, Instant at) {
        jdbc.update("UPDATE connector_view SET status = 'error', error_message = ?, version = ?, updated_at = ? "
                + "WHERE id = ?", message, version, Sql.timestamp(at), connectorId);
    }

    void removed(String connectorId, long version, Instant at) {
        jdbc.update("UPDATE connector_view SET removed = true, version = ?, updated_at = ? WHERE id = ?", version,
                Sql.timestamp(at), connectorId);
    }

    void syncStarted(String connectorId, String syncId, long version) {
        jdbc.update("UPDATE connector_view SET last_sync_id = ?, last_sync_status = 'running', "
                + "last_sync_items = NULL, last_sync_errors = NULL, version = ? WHERE id = ?", syncId, version,
                connectorId);
    }

    /** {@code errors} null: completed with {@code items}. */
    void syncEnded(String connectorId, String syncId, Integer items, List<String> errors, long version,
                   Instant at) {
        jdbc.update("UPDATE connector_view SET last_sync = ?, last_sync_status = ?, last_sync_items = ?, "
                        + "last_sync_errors = CAST(? AS jsonb), version = ? WHERE id = ? AND last_sync_id = ?",
                Sql.timestamp(at), errors == null ? "completed" : "failed", items,
                errors == null ? null : Json.write(errors), version, connectorId, syncId);
    }

    void deleteAll() {
        jdbc.update("DELETE FROM connector_view");
    }

    public long version(String connectorId) {
        return jdbc.queryForList("SELECT version FROM connector_view WHERE id = ?", Long.class, connectorId)
                .stream().findFirst().orElse(-1L);
    }

    public Optional<ConnectorView> find(String connectorId, String tenantId) {
        return jdbc.query("SELECT * FROM connector_view WHERE id = ? AND tenant_id = ? AND NOT removed", ROW,
                connectorId, tenantId).stream().findFirst();
    }

    public ConnectorPage list(ListConnectors query) {
        Filters.Page<ConnectorView> page = Filters.where("tenant_id = ?", query.tenantId())
                .andAlways("NOT removed")
                .and("provider = ?", query.provider())
                .and("status = ?", query.status() == null ? null : query.status().name().toLowerCase())
                .page(jdbc, "connector_view", "created_at DESC, id DESC", ROW, query.pageSpec());
        return new ConnectorPage(page.items(), page.total(), query.pageSpec().page(), query.pageSpec().size(),
                query.pageSpec().pages(page.total()));
    }
}
