package io.agentledger.command.identity;

import io.agentledger.command.identity.auth.AuthProperties;
import io.agentledger.command.identity.auth.LoginAttempts;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Whether a password is the user's own, for requests that must show it again (enrolling a first
 * factor). Attempts count against the account like logins do, so a stolen token cannot guess it.
 */
@Component
public class PasswordCheck {

    private final CredentialVault vault;
    private final BCryptPasswordEncoder passwords;
    private final LoginAttempts attempts;

    public PasswordCheck(CredentialVault vault, AuthProperties properties, LoginAttempts attempts) {
        this.vault = vault;
        this.passwords = new BCryptPasswordEncoder(properties.bcryptStrength());
        this.attempts = attempts;
    }

    public boolean matches(String userId, String password) {
        attempts.acquire("password-check:" + userId);
        return vault.digestOf(userId, CredentialVault.Kind.PASSWORD)
                .map(digest -> passwords.matches(password, digest)).orElse(false);
    }
}
