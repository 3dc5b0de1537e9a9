package io.agentledger.command.identity;

import io.agentledger.axon.eventstore.SnapshotConfiguration;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.session.SessionCommands.EndSession;
import io.agentledger.kernel.session.SessionCommands.RefreshOutcome;
import io.agentledger.kernel.session.SessionCommands.RefreshSession;
import io.agentledger.kernel.session.SessionCommands.StartSession;
import io.agentledger.kernel.session.SessionEvent.RefreshTokenReuseDetected;
import io.agentledger.kernel.session.SessionEvent.SessionEnded;
import io.agentledger.kernel.session.SessionEvent.SessionRefreshed;
import io.agentledger.kernel.session.SessionEvent.SessionStarted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One refresh-token family. Presenting a token the family has already rotated past revokes it. */
@Aggregate(snapshotTriggerDefinition = SnapshotConfiguration.TRIGGER)
public class SessionAggregate {

    public static final String ENDED_BY_LOGOUT = "logout";
    public static final String ENDED_BY_TOKEN_REUSE = "token_reuse";

    @AggregateIdentifier
    private String sessionId;
    private String userId;
    private String tenantId;
    private String currentTokenId;
    private boolean ended;

    protected SessionAggregate() {
    }

    @CommandHandler
    public SessionAggregate(StartSession command) {
        apply(new SessionStarted(command.sessionId(), command.userId(), command.tenantId(), command.tokenId(),
                command.expiresAt(), command.method()));
    }

    /** Returns the outcome rather than throwing, so that a detected reuse is recorded, not rolled back. */
    @CommandHandler
    public RefreshOutcome handle(RefreshSession command) {
        if (ended) {
            return RefreshOutcome.SESSION_CLOSED;
        }
        if (!currentTokenId.equals(command.presentedTokenId())) {
            apply(new RefreshTokenReuseDetected(sessionId, userId, tenantId, command.presentedTokenId()));
            apply(new SessionEnded(sessionId, userId, tenantId, ENDED_BY_TOKEN_REUSE));
            return RefreshOutcome.REUSE_DETECTED;
        }
        apply(new SessionRefreshed(sessionId, userId, tenantId, currentTokenId, command.newTokenId(),
                command.expiresAt()));
        return RefreshOutcome.ROTATED;
    }

    @CommandHandler
    public void handle(EndSession command) {
        if (!userId.equals(command.userId())) {
            throw DomainException.notFound("Session " + sessionId + " not found");
        }
        if (!ended) {
            apply(new SessionEnded(sessionId, userId, tenantId, ENDED_BY_LOGOUT));
        }
    }

    @EventSourcingHandler
    void on(SessionStarted event) {
        sessionId = event.sessionId();
        userId = event.userId();
        tenantId = event.tenantId();
        currentTokenId = event.tokenId();
    }

    @EventSourcingHandler
    void on(SessionRefreshed event) {
        currentTokenId = event.tokenId();
    }

    @EventSourcingHandler
    void on(SessionEnded event) {
        ended = true;
    }
}
