package io.agentledger.command.credential.crypto;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.error.ErrorCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.crypto.SecretKey;
import java.util.List;
import java.util.Map;

/** The data key of each credential, wrapped by a master key, in {@code credential_data_key}. */
@Component
public class DataKeys {

    private final JdbcTemplate jdbc;
    private final MasterKeys masters;

    public DataKeys(JdbcTemplate jdbc, MasterKeys masters) {
        this.jdbc = jdbc;
        this.masters = masters;
    }

    public static String keyIdOf(String credentialId) {
        return "dk_" + credentialId;
    }

    public String create(String credentialId) {
        String keyId = keyIdOf(credentialId);
        byte[] wrapped = Aes.seal(masters.current(), Aes.newKey().getEncoded(), keyId);
        jdbc.update("INSERT INTO credential_data_key (key_id, credential_id, master_key_id, wrapped_key) "
                + "VALUES (?, ?, ?, ?)", keyId, credentialId, masters.currentId(), wrapped);
        return keyId;
    }

    SecretKey unwrap(String keyId) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT master_key_id, wrapped_key FROM "
                + "credential_data_key WHERE key_id = ?", keyId);
        if (rows.isEmpty() || rows.get(0).get("wrapped_key") == null) {
            throw new DomainException(ErrorCode.NOT_FOUND, "The data key " + keyId + " has been destroyed: "
                    + "values sealed with it can no longer be read");
        }
        String masterId = (String) rows.get(0).get("master_key_id");
        return Aes.key(Aes.open(masters.get(masterId), (byte[]) rows.get(0).get("wrapped_key"), keyId));
    }

    /** Crypto-shredding: without its data key, every value sealed with it is gone for good. */
    public void destroy(String keyId) {
        jdbc.update("UPDATE credential_data_key SET wrapped_key = NULL, master_key_id = NULL, destroyed_at = now() "
                + "WHERE key_id = ?", keyId);
    }

    /** Wraps every data key still under a retired master key with the current one; events stay as they are. */
    public int rewrap() {
        List<Map<String, Object>> stale = jdbc.queryForList("SELECT key_id, master_key_id, wrapped_key FROM "
                + "credential_data_key WHERE wrapped_key IS NOT NULL AND master_key_id <> ?", masters.currentId());
        for (Map<String, Object> row : stale) {
            String keyId = (String) row.get("key_id");
            byte[] key = Aes.open(masters.get((String) row.get("master_key_id")), (byte[]) row.get("wrapped_key"),
                    keyId);
            jdbc.update("UPDATE credential_data_key SET wrapped_key = ?, master_key_id = ? WHERE key_id = ?",
                    Aes.seal(masters.current(), key, keyId), masters.currentId(), keyId);
        }
        return stale.size();
    }
}
