package io.agentledger.command.agent;

import io.agentledger.axon.eventstore.SnapshotConfiguration;
import io.agentledger.kernel.agent.AgentCommands.ArchiveAgent;
import io.agentledger.kernel.agent.AgentCommands.CompleteAgentBuild;
import io.agentledger.kernel.agent.AgentCommands.FailAgentBuild;
import io.agentledger.kernel.agent.AgentCommands.PassAgentBuildStage;
import io.agentledger.kernel.agent.AgentCommands.RegisterAgent;
import io.agentledger.kernel.agent.AgentCommands.StartAgentBuild;
import io.agentledger.kernel.agent.AgentCommands.UpdateAgent;
import io.agentledger.kernel.agent.AgentCommands.UploadAgentVersion;
import io.agentledger.kernel.agent.AgentEvent.AgentArchived;
import io.agentledger.kernel.agent.AgentEvent.AgentRegistered;
import io.agentledger.kernel.agent.AgentEvent.AgentUpdated;
import io.agentledger.kernel.agent.AgentEvent.AgentVersionBuildFailed;
import io.agentledger.kernel.agent.AgentEvent.AgentVersionBuildStagePassed;
import io.agentledger.kernel.agent.AgentEvent.AgentVersionBuildStarted;
import io.agentledger.kernel.agent.AgentEvent.AgentVersionBuilt;
import io.agentledger.kernel.agent.AgentEvent.AgentVersionUploaded;
import io.agentledger.kernel.agent.AgentStatus;
import io.agentledger.kernel.error.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/** An agent a user owns. Commands that change it answer its new version, so the caller can wait for it. */
@Aggregate(snapshotTriggerDefinition = SnapshotConfiguration.TRIGGER)
public class AgentAggregate {

    @AggregateIdentifier
    private String agentId;
    private String tenantId;
    private AgentStatus status;
    private int versions;
    /** Each version's build: absent or false while it may still run, true once it ended. */
    private Map<String, Boolean> buildEnded = new HashMap<>();

    protected AgentAggregate() {
    }

    @CommandHandler
    public AgentAggregate(RegisterAgent command) {
        if (command.name() == null || command.name().isBlank()) {
            throw DomainException.invalid("An agent needs a name");
        }
        apply(new AgentRegistered(command.agentId(), command.tenantId(), command.createdBy(), command.agentNumber(),
                command.name().strip(), command.description(), command.config(), command.voiceEnabled(),
                command.isActive()));
    }

    @CommandHandler
    public long handle(UpdateAgent command) {
        requireTenant(command.tenantId());
        requireNotArchived("updated");
        if (command.changes().isEmpty()) {
            throw DomainException.invalid("The update changes nothing");
        }
        if (command.changes().name() != null && command.changes().name().isBlank()) {
            throw DomainException.invalid("An agent needs a name");
        }
        apply(new AgentUpdated(agentId, tenantId, command.updatedBy(), command.changes()));
        return getVersion();
    }

    @CommandHandler
    public long handle(ArchiveAgent command) {
        requireTenant(command.tenantId());
        requireNotArchived("archived again");
        apply(new AgentArchived(agentId, tenantId, command.archivedBy(), status));
        return getVersion();
    }

    @CommandHandler
    public String handle(UploadAgentVersion command) {
        requireTenant(command.tenantId());
        requireNotArchived("given a package");
        String label = "v" + (versions + 1);
        apply(new AgentVersionUploaded(agentId, tenantId, command.uploadedBy(), command.versionId(), label,
                command.tarballPath(), command.sizeBytes(), command.sha256()));
        return label;
    }

    /** Also after a restart that interrupted the build: a build that has not ended runs again. */
    @CommandHandler
    public boolean handle(StartAgentBuild command) {
        requireVersion(command.versionId());
        if (buildEnded.get(command.versionId())) {
            return false;
        }
        apply(new AgentVersionBuildStarted(agentId, tenantId, command.versionId(), command.log()));
        return true;
    }

    @CommandHandler
    public void handle(PassAgentBuildStage command) {
        requireVersion(command.versionId());
        if (!buildEnded.get(command.versionId())) {
            apply(new AgentVersionBuildStagePassed(agentId, tenantId, command.versionId(), command.stage(),
                    command.log()));
        }
    }

    @CommandHandler
    public void handle(CompleteAgentBuild command) {
        requireVersion(command.versionId());
        if (!buildEnded.get(command.versionId())) {
            apply(new AgentVersionBuilt(agentId, tenantId, command.versionId(), command.entrypoint(),
                    command.runtime(), command.manifest(), command.log()));
        }
    }

    @CommandHandler
    public void handle(FailAgentBuild command) {
        requireVersion(command.versionId());
        if (!buildEnded.get(command.versionId())) {
            apply(new AgentVersionBuildFailed(agentId, tenantId, command.versionId(), command.reason(),
                    command.log()));
        }
    }

    private void requireVersion(String versionId) {
        if (!buildEnded.containsKey(versionId)) {
            throw DomainException.notFound("Agent " + agentId + " has no version " + versionId);
        }
    }

    private void requireTenant(String callerTenant) {
        if (!tenantId.equals(callerTenant)) {
            throw DomainException.notFound("Agent " + agentId + " not found");
        }
    }

    private void requireNotArchived(String action) {
        if (status == AgentStatus.ARCHIVED) {
            throw DomainException.conflict("Agent " + agentId + " is archived and cannot be " + action);
        }
    }

    @EventSourcingHandler
    void on(AgentRegistered event) {
        agentId = event.agentId();
        tenantId = event.tenantId();
        status = AgentStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(AgentArchived event) {
        status = AgentStatus.ARCHIVED;
    }

    @EventSourcingHandler
    void on(AgentVersionUploaded event) {
        versions++;
        buildEnded.put(event.versionId(), false);
    }

    @EventSourcingHandler
    void on(AgentVersionBuilt event) {
        buildEnded.put(event.versionId(), true);
    }

    @EventSourcingHandler
    void on(AgentVersionBuildFailed event) {
        buildEnded.put(event.versionId(), true);
    }
}
