package io.agentledger.command.credential;

import io.agentledger.command.credential.crypto.DataKeys;
import io.agentledger.kernel.credential.CredentialEvent.CredentialDeleted;
import io.agentledger.kernel.credential.CredentialEvent.CredentialStored;
import io.agentledger.kernel.credential.CredentialKind;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.error.ErrorCode;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * In the transaction of the credential's events (subscribing processor): a secret's name is claimed with
 * its creation (a duplicate fails it), and a deletion destroys the data key with it.
 */
@Component
@ProcessingGroup(CredentialKeysUpdater.GROUP)
public class CredentialKeysUpdater {

    public static final String GROUP = "credential-keys";

    private final JdbcTemplate jdbc;
    private final DataKeys keys;

    public CredentialKeysUpdater(JdbcTemplate jdbc, DataKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @EventHandler
    void on(CredentialStored event) {
        if (event.kind() == CredentialKind.SECRET) {
            try {
                jdbc.update("INSERT INTO secret_name (tenant_id, name, credential_id) VALUES (?, ?, ?)",
                        event.tenantId(), event.name(), event.credentialId());
            } catch (DuplicateKeyException e) {
                throw new DomainException(ErrorCode.DUPLICATE, "A secret named " + event.name() + " already exists");
            }
        }
    }

    @EventHandler
    void on(CredentialDeleted event) {
        keys.destroy(DataKeys.keyIdOf(event.credentialId()));
        jdbc.update("DELETE FROM secret_name WHERE credential_id = ?", event.credentialId());
    }
}
