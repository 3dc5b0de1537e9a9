package io.agentledger.command.identity.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code jwtSecret}: the HMAC key for access and refresh tokens, at least 32 bytes; when empty a
 * random one is made at start-up, so tokens do not outlive the process. {@code apiKeyMaxLifetime}:
 * how long an API key may live at most (also its lifetime when none is asked for).
 */
@ConfigurationProperties("agentledger.auth")
public record AuthProperties(String jwtSecret, Duration accessTokenTtl, Duration refreshTokenTtl,
                             Duration invitationTtl, int bcryptStrength, Duration apiKeyMaxLifetime) {

    public AuthProperties {
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofDays(7) : refreshTokenTtl;
        invitationTtl = invitationTtl == null ? Duration.ofDays(7) : invitationTtl;
        bcryptStrength = bcryptStrength == 0 ? 12 : bcryptStrength;
        apiKeyMaxLifetime = apiKeyMaxLifetime == null ? Duration.ofDays(90) : apiKeyMaxLifetime;
    }
}
