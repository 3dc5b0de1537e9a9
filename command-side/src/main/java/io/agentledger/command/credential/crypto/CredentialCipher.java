package io.agentledger.command.credential.crypto;

import io.agentledger.kernel.credential.SealedValue;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Seals values with their credential's data key, and opens them again while the key exists. */
@Component
public class CredentialCipher {

    private final DataKeys keys;

    public CredentialCipher(DataKeys keys) {
        this.keys = keys;
    }

    public SealedValue seal(String keyId, String value) {
        byte[] sealed = Aes.seal(keys.unwrap(keyId), value.getBytes(StandardCharsets.UTF_8), keyId);
        return new SealedValue(Base64.getEncoder().encodeToString(sealed), keyId);
    }

    public String open(SealedValue value) {
        byte[] plain = Aes.open(keys.unwrap(value.keyId()), Base64.getDecoder().decode(value.ciphertext()),
                value.keyId());
        return new String(plain, StandardCharsets.UTF_8);
    }
}
