package io.agentledger.command.voice;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.voice.VoiceCommands.ChangeVoiceSettings;
import io.agentledger.kernel.voice.VoiceCommands.RecordVoiceCommand;
import io.agentledger.kernel.voice.VoiceCommands.TrainVoicePhrases;
import io.agentledger.kernel.voice.VoiceEvent.VoiceCommandProcessed;
import io.agentledger.kernel.voice.VoiceEvent.VoicePhrasesTrained;
import io.agentledger.kernel.voice.VoiceEvent.VoiceSettingsChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/** One user's voice profile, made by its first settings, phrases or command. */
@Aggregate
public class VoiceProfileAggregate {

    @AggregateIdentifier
    private String profileId;
    private String tenantId;

    public VoiceProfileAggregate() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ChangeVoiceSettings command) {
        requireTenant(command.tenantId());
        apply(new VoiceSettingsChanged(command.profileId(), command.tenantId(), command.userId(), command.settings()));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(TrainVoicePhrases command) {
        requireTenant(command.tenantId());
        apply(new VoicePhrasesTrained(command.profileId(), command.tenantId(), command.userId(), command.phrases()));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordVoiceCommand command) {
        requireTenant(command.command().tenantId());
        apply(command.command());
        return getVersion();
    }

    private void requireTenant(String callerTenant) {
        if (tenantId != null && !tenantId.equals(callerTenant)) {
            throw DomainException.notFound("Voice profile " + profileId + " not found");
        }
    }

    @EventSourcingHandler
    void on(VoiceSettingsChanged event) {
        profileId = event.profileId();
        tenantId = event.tenantId();
    }

    @EventSourcingHandler
    void on(VoicePhrasesTrained event) {
        profileId = event.profileId();
        tenantId = event.tenantId();
    }

    @EventSourcingHandler
    void on(VoiceCommandProcessed event) {
        profileId = event.profileId();
        tenantId = event.tenantId();
    }
}
