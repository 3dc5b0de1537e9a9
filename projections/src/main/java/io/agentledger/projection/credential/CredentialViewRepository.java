package io.agentledger.projection.credential;

import io.agentledger.kernel.credential.CredentialEvent.CredentialChanged;
import io.agentledger.kernel.credential.CredentialEvent.CredentialStored;
import io.agentledger.kernel.credential.CredentialKind;
import io.agentledger.kernel.credential.CredentialPage;
import io.agentledger.kernel.credential.CredentialQueries.ListCredentials;
import io.agentledger.kernel.credential.CredentialType;
import io.agentledger.kernel.credential.CredentialView;
import io.agentledger.projection.support.Filters;
import io.agentledger.projection.support.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;

/** credential_view: what a credential is, never its value (not even sealed). */
@Repository
public class CredentialViewRepository {

    private static final RowMapper<CredentialView> ROW = (rs, i) -> new CredentialView(rs.getString("id"),
            rs.getString("owner_id"), CredentialKind.valueOf(rs.getString("kind")), rs.getString("name"),
            rs.getString("credential_type") == null ? null : CredentialType.valueOf(rs.getString("credential_type")),
            rs.getString("key_id"), new CredentialView.Metadata(rs.getString("description"),
            Sql.instant(rs, "expires_at"), Sql.instant(rs, "last_used"), rs.getLong("usage_count"),
            rs.getBoolean("auto_rotate")), rs.getLong("version"), Sql.instant(rs, "created_at"),
            Sql.instant(rs, "updated_at"));

    private final JdbcTemplate jdbc;

    public CredentialViewRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CredentialStored e, long version, Instant at) {
        jdbc.update("INSERT INTO credential_view (id, tenant_id, owner_id, kind, name, credential_type, key_id, "
                        + "description, expires_at, auto_rotate, version, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e.credentialId(), e.tenantId(), e.ownerId(),
                e.kind().name(), e.name(), e.credentialType() == null ? null : e.credentialType().name(),
                e.value().keyId(), e.description(), Sql.timestamp(e.expiresAt()), e.autoRotate(), version,
                Sql.timestamp(at), Sql.timestamp(at));
    }

    void change(CredentialChanged e, long version, Instant at) {
        jdbc.update("UPDATE credential_view SET description = COALESCE(?, description), "
                        + "expires_at = COALESCE(?, expires_at), auto_rotate = COALESCE(?, auto_rotate), version = ?, "
                        + "updated_at = ? WHERE id = ?", e.description(), Sql.timestamp(e.expiresAt()),
                e.autoRotate(), version, Sql.timestamp(at), e.credentialId());
    }

    void used(String credentialId, long version, Instant at) {
        jdbc.update("UPDATE credential_view SET usage_count = usage_count + 1, last_used = ?, version = ? "
                + "WHERE id = ?", Sql.timestamp(at), version, credentialId);
    }

    void touch(String credentialId, long version) {
        jdbc.update("UPDATE credential_view SET version = ? WHERE id = ?", version, credentialId);
    }

    void delete(String credentialId, long version, Instant at) {
        jdbc.update("UPDATE credential_view SET deleted = true, version = ?, updated_at = ? WHERE id = ?", version,
                Sql.timestamp(at), credentialId);
    }

    void deleteAll() {
        jdbc.update("DELETE FROM credential_view");
    }

    public long version(String credentialId) {
        return jdbc.queryForList("SELECT version FROM credential_view WHERE id = ?", Long.class, credentialId)
                .stream().findFirst().orElse(-1L);
    }

    public Optional<CredentialView> find(String credentialId, String tenantId) {
        return jdbc.query("SELECT * FROM credential_view WHERE id = ? AND tenant_id = ? AND NOT deleted", ROW,
                credentialId, tenantId).stream().findFirst();
    }

    public CredentialPage list(ListCredentials query) {
        Filters.Page<CredentialView> page = Filters.where("tenant_id = ?", query.tenantId())
                .andAlways("NOT deleted")
                .and("kind = ?", query.kind().name())
                .and("owner_id = ?", query.kind() == CredentialKind.CREDENTIAL ? query.ownerId() : null)
                .page(jdbc, "credential_view", "created_at DESC, id DESC", ROW, query.pageSpec());
        return new CredentialPage(page.items(), page.total(), query.pageSpec().page(), query.pageSpec().size(),
                query.pageSpec().pages(page.total()));
    }
}
