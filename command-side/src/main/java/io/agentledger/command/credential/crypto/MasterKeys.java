package io.agentledger.command.credential.crypto;

import io.agentledger.axon.secret.SecretFiles;

import javax.crypto.SecretKey;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The master keys that wrap data keys: the current one (new data keys, re-wrapping) and retired ones
 * (still able to unwrap until re-wrapped). From configuration, or a key file; with neither, a key
 * file is created in the data directory (the zero-setup run).
 */
public final class MasterKeys {

    private final String currentId;
    private final Map<String, SecretKey> keys;

    MasterKeys(String currentId, Map<String, SecretKey> keys) {
        if (!keys.containsKey(currentId)) {
            throw new IllegalStateException("Master key " + currentId + " is not configured");
        }
        this.currentId = currentId;
        this.keys = Map.copyOf(keys);
    }

    public static MasterKeys load(CredentialProperties properties, Path dataDir) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        properties.retiredMasterKeys().forEach((id, key) -> keys.put(id, decode(id, key)));
        if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
            keys.put(properties.masterKeyId(), decode(properties.masterKeyId(), properties.masterKey()));
            return new MasterKeys(properties.masterKeyId(), keys);
        }
        Path file = properties.masterKeyFile() != null ? properties.masterKeyFile() : dataDir.resolve("master.key");
        Properties stored = SecretFiles.readOrCreate(file, "AgentLedger master keys: keep this file secret and backed up",
                MasterKeys::newKeyFile);
        String current = stored.getProperty("current");
        stored.stringPropertyNames().stream().filter(name -> !name.equals("current"))
                .forEach(id -> keys.put(id, decode(id, stored.getProperty(id))));
        return new MasterKeys(current, keys);
    }

    public String currentId() {
        return currentId;
    }

    SecretKey current() {
        return keys.get(currentId);
    }

    SecretKey get(String id) {
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("Master key " + id + " is not configured; data keys wrapped by it "
                    + "cannot be opened");
        }
        return key;
    }

    private static SecretKey decode(String id, String base64) {
        try {
            return Aes.key(Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Master key " + id + " must be 32 bytes in base64", e);
        }
    }

    private static Properties newKeyFile() {
        Properties properties = new Properties();
        properties.setProperty("current", "mk1");
        properties.setProperty("mk1", Base64.getEncoder().encodeToString(Aes.newKey().getEncoded()));
        return properties;
    }
}
