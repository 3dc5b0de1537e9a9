package io.agentledger.command.credential.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code agentledger.credentials.*}: the current master key (base64, 32 bytes) and its id, retired keys
 * by id, or a key file ({@code current=<id>} and {@code <id>=<base64>} lines).
 */
@ConfigurationProperties("agentledger.credentials")
public record CredentialProperties(String masterKey, @DefaultValue("mk1") String masterKeyId,
                                   @DefaultValue Map<String, String> retiredMasterKeys, Path masterKeyFile) {
}
