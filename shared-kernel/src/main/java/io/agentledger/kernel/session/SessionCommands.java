package io.agentledger.kernel.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A session is one refresh-token family: it starts at login and every refresh rotates its token.
 * Only token ids travel here; the tokens are signed, and an id alone authorises nothing.
 */
public final class SessionCommands {

    private SessionCommands() {
    }

    public record StartSession(@TargetAggregateIdentifier String sessionId, String userId, String tenantId,
                               String tokenId, Instant expiresAt, String method) {
    }

    public record RefreshSession(@TargetAggregateIdentifier String sessionId, String presentedTokenId,
                                 String newTokenId, Instant expiresAt) {
    }

    public record EndSession(@TargetAggregateIdentifier String sessionId, String userId) {
    }

    public enum RefreshOutcome {
        ROTATED,
        REUSE_DETECTED,
        SESSION_CLOSED
    }
}
