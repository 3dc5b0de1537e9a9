package io.agentledger.command.apikey;

import io.agentledger.kernel.apikey.ApiKeyCommands.CreateApiKey;
import io.agentledger.kernel.apikey.ApiKeyCommands.RecordApiKeyUse;
import io.agentledger.kernel.apikey.ApiKeyCommands.RevokeApiKey;
import io.agentledger.kernel.apikey.ApiKeyEvent.ApiKeyCreated;
import io.agentledger.kernel.apikey.ApiKeyEvent.ApiKeyRevoked;
import io.agentledger.kernel.apikey.ApiKeyEvent.ApiKeyUsed;
import io.agentledger.kernel.error.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

@Aggregate
public class ApiKeyAggregate {

    @AggregateIdentifier
    private String apiKeyId;
    private String userId;
    private String tenantId;
    private boolean revoked;

    protected ApiKeyAggregate() {
    }

    @CommandHandler
    public ApiKeyAggregate(CreateApiKey command) {
        apply(new ApiKeyCreated(command.apiKeyId(), command.userId(), command.tenantId(), command.name(),
                command.keyPrefix(), command.expiresAt()));
    }

    @CommandHandler
    public void handle(RevokeApiKey command) {
        if (!tenantId.equals(command.tenantId()) || !userId.equals(command.userId())) {
            throw DomainException.notFound("API key " + apiKeyId + " not found");
        }
        if (revoked) {
            throw DomainException.conflict("API key " + apiKeyId + " is already revoked");
        }
        apply(new ApiKeyRevoked(apiKeyId, userId, tenantId));
    }

    @CommandHandler
    public void handle(RecordApiKeyUse command) {
        if (!revoked) {
            apply(new ApiKeyUsed(apiKeyId, userId, tenantId));
        }
    }

    @EventSourcingHandler
    void on(ApiKeyCreated event) {
        apiKeyId = event.apiKeyId();
        userId = event.userId();
        tenantId = event.tenantId();
    }

    @EventSourcingHandler
    void on(ApiKeyRevoked event) {
        revoked = true;
    }
}
