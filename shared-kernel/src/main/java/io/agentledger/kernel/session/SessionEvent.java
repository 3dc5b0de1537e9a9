package io.agentledger.kernel.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

public sealed interface SessionEvent permits SessionEvent.SessionStarted, SessionEvent.SessionRefreshed,
        SessionEvent.RefreshTokenReuseDetected, SessionEvent.SessionEnded {

    String sessionId();

    String tenantId();

    /** A user logged in. */
    @Revision("1")
    record SessionStarted(String sessionId, String userId, String tenantId, String tokenId, Instant expiresAt,
                          String method) implements SessionEvent {
    }

    @Revision("1")
    record SessionRefreshed(String sessionId, String userId, String tenantId, String previousTokenId,
                            String tokenId, Instant expiresAt) implements SessionEvent {
    }

    /** An already rotated refresh token was presented again: the whole family is revoked with it. */
    @Revision("1")
    record RefreshTokenReuseDetected(String sessionId, String userId, String tenantId, String reusedTokenId)
            implements SessionEvent {
    }

    /** The session can no longer be refreshed: {@code reason} is {@code logout} or {@code token_reuse}. */
    @Revision("1")
    record SessionEnded(String sessionId, String userId, String tenantId, String reason) implements SessionEvent {
    }
}
