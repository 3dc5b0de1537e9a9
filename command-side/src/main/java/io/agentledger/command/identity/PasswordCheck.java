package io.agentledger.command.identity;

import io.agentledger.command.identity.auth.AuthProperties;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/** Whether a password is the user's own, for requests that must show it again (enrolling a first factor). */
@Component
public class PasswordCheck {

    private final CredentialVault vault;
    private final BCryptPasswordEncoder passwords;

    public PasswordCheck(CredentialVault vault, AuthProperties properties) {
        this.vault = vault;
        this.passwords = new BCryptPasswordEncoder(properties.bcryptStrength());
    }

    public boolean matches(String userId, String password) {
        return vault.digestOf(userId, CredentialVault.Kind.PASSWORD)
                .map(digest -> passwords.matches(password, digest)).orElse(false);
    }
}
