package io.agentledger.projection.agent;

import io.agentledger.kernel.agent.AgentEvent;
import io.agentledger.kernel.agent.AgentEvent.AgentArchived;
import io.agentledger.kernel.agent.AgentEvent.AgentRegistered;
import io.agentledger.kernel.agent.AgentEvent.AgentUpdated;
import io.agentledger.kernel.agent.AgentEvent.AgentVersionBuildFailed;
import io.agentledger.kernel.agent.AgentEvent.AgentVersionBuildStagePassed;
import io.agentledger.kernel.agent.AgentEvent.AgentVersionBuildStarted;
import io.agentledger.kernel.agent.AgentEvent.AgentVersionBuilt;
import io.agentledger.kernel.agent.AgentEvent.AgentVersionUploaded;
import io.agentledger.kernel.agent.AgentQueries.FindAgentVersion;
import io.agentledger.kernel.agent.AgentStatus;
import io.agentledger.kernel.agent.ExecutionEvent;
import io.agentledger.kernel.agent.ExecutionEvent.ExecutionCancelled;
import io.agentledger.kernel.agent.ExecutionEvent.ExecutionCompleted;
import io.agentledger.kernel.agent.ExecutionEvent.ExecutionFailed;
import io.agentledger.kernel.agent.ExecutionEvent.ExecutionRequested;
import io.agentledger.kernel.agent.ExecutionEvent.ExecutionStarted;
import io.agentledger.kernel.agent.ExecutionQueries.FindExecutionVersion;
import io.agentledger.kernel.agent.ExecutionStatus;
import io.agentledger.projection.support.StoredTime;
import io.agentledger.projection.support.VersionAnnouncer;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Applies agent and execution events to the agent read models for the inline and the tracking
 * projection alike: agent_view and agent_execution_view take an event only at the version before it,
 * agent_version_view only when newer than its row, agent_log once per event and line.
 */
@Component
class AgentDirectoryWriter {

    private final AgentViewRepository agents;
    private final AgentVersionRepository versions;
    private final AgentExecutionRepository executions;
    private final AgentLogRepository logs;
    private final VersionAnnouncer announcer;

    AgentDirectoryWriter(AgentViewRepository agents, AgentVersionRepository versions,
                         AgentExecutionRepository executions, AgentLogRepository logs, VersionAnnouncer announcer) {
        this.agents = agents;
        this.versions = versions;
        this.executions = executions;
        this.logs = logs;
        this.announcer = announcer;
    }

    void apply(AgentEvent event, long version, Instant storedAt, String eventId) {
        Instant at = StoredTime.of(storedAt);
        if (applied(event, version, at, eventId)) {
            announcer.announce(FindAgentVersion.class, FindAgentVersion::agentId, event.agentId(), version);
        }
    }

    void apply(ExecutionEvent event, long version, Instant storedAt, String eventId) {
        Instant at = StoredTime.of(storedAt);
        if (applied(event, version, at, eventId)) {
            announcer.announce(FindExecutionVersion.class, FindExecutionVersion::executionId, event.executionId(),
                    version);
        }
    }

    private boolean applied(AgentEvent event, long version, Instant at, String eventId) {
        String agentId = event.agentId();
        if (event instanceof AgentRegistered registered) {
            return agents.insert(registered, version, at);
        }
        if (event instanceof AgentUpdated updated) {
            return agents.applyChanges(agentId, updated.changes(), version, at);
        }
        if (event instanceof AgentArchived) {
            return agents.setStatus(agentId, AgentStatus.ARCHIVED, version, at);
        }
        if (event instanceof AgentVersionUploaded uploaded) {
            versions.insert(uploaded, version, at);
            return agents.packageEvent(agentId, AgentStatus.BUILDING, null, version, at);
        }
        if (event instanceof AgentVersionBuildStarted started) {
            versions.building(started.versionId(), version, at);
            logs.insert(eventId, event.tenantId(), agentId, started.versionId(), null, started.log());
            return agents.packageEvent(agentId, AgentStatus.BUILDING, null, version, at);
        }
        if (event instanceof AgentVersionBuildStagePassed stage) {
            versions.building(stage.versionId(), version, at);
            logs.insert(eventId, event.tenantId(), agentId, stage.versionId(), null, stage.log());
            return agents.packageEvent(agentId, AgentStatus.BUILDING, null, version, at);
        }
        if (event instanceof AgentVersionBuilt built) {
            versions.built(built.versionId(), built.entrypoint(), built.runtime(), built.manifest(), version, at);
            logs.insert(eventId, event.tenantId(), agentId, built.versionId(), null, built.log());
            return agents.packageEvent(agentId, AgentStatus.READY, built.versionId(), version, at);
        }
        if (event instanceof AgentVersionBuildFailed failed) {
            versions.failed(failed.versionId(), failed.reason(), version, at);
            logs.insert(eventId, event.tenantId(), agentId, failed.versionId(), null, failed.log());
            return agents.packageEvent(agentId, AgentStatus.FAILED, null, version, at);
        }
        throw new IllegalArgumentException("Unknown agent event " + event.getClass().getName());
    }

    private boolean applied(ExecutionEvent event, long version, Instant at, String eventId) {
        String id = event.executionId();
        if (event instanceof ExecutionRequested requested) {
            return executions.insert(requested, version, at);
        }
        if (event instanceof ExecutionStarted) {
            return executions.started(id, version, at);
        }
        if (event instanceof ExecutionCompleted completed) {
            logs.insert(eventId, event.tenantId(), event.agentId(), null, id, completed.log());
            return executions.ended(id, ExecutionStatus.COMPLETED, completed.output(), null, false,
                    completed.durationMs(), version, at);
        }
        if (event instanceof ExecutionFailed failed) {
            logs.insert(eventId, event.tenantId(), event.agentId(), null, id, failed.log());
            return executions.ended(id, ExecutionStatus.FAILED, null, failed.error(), failed.timedOut(),
                    failed.durationMs(), version, at);
        }
        if (event instanceof ExecutionCancelled cancelled) {
            logs.insert(eventId, event.tenantId(), event.agentId(), null, id, cancelled.log());
            return executions.ended(id, ExecutionStatus.CANCELLED, null, "cancelled by " + cancelled.cancelledBy(),
                    false, null, version, at);
        }
        throw new IllegalArgumentException("Unknown execution event " + event.getClass().getName());
    }

    void reset() {
        logs.deleteAll();
        executions.deleteAll();
        versions.deleteAll();
        agents.deleteAll();
    }
}
