package io.agentledger.command.identity.auth;

import io.agentledger.command.identity.IdentityLookup.UserEntry;
import io.agentledger.kernel.identity.Role;

import java.util.List;

public final class AuthResponses {

    private AuthResponses() {
    }

    public record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn,
                                AuthUser user) {

        static TokenResponse of(AuthService.IssuedTokens tokens) {
            UserEntry u = tokens.user();
            return new TokenResponse(tokens.accessToken(), tokens.refreshToken(), "bearer", tokens.expiresIn(),
                    new AuthUser(u.userId(), u.tenantId(), u.email(), u.username(), u.fullName(), u.role(),
                            u.role().permissions(), u.active(), false));
        }
    }

    public record RefreshResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {

        static RefreshResponse of(AuthService.IssuedTokens tokens) {
            return new RefreshResponse(tokens.accessToken(), tokens.refreshToken(), "bearer", tokens.expiresIn());
        }
    }

    public record AuthUser(String id, String tenantId, String email, String username, String fullName, Role role,
                           List<String> permissions, boolean isActive, boolean isVerified) {
    }
}
