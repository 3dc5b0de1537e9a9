package io.agentledger.kernel.agent;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.Map;

/** Every event of the Agent aggregate: the agent itself and the packages (versions) built for it. */
public sealed interface AgentEvent permits AgentEvent.AgentRegistered, AgentEvent.AgentUpdated,
        AgentEvent.AgentArchived, AgentEvent.AgentVersionUploaded, AgentEvent.AgentVersionBuildStarted,
        AgentEvent.AgentVersionBuildStagePassed, AgentEvent.AgentVersionBuilt, AgentEvent.AgentVersionBuildFailed {

    String agentId();

    String tenantId();

    /** {@code agentNumber} is the agent's number within its tenant (seed 003), 1 for the first. */
    @Revision("1")
    record AgentRegistered(String agentId, String tenantId, String createdBy, long agentNumber, String name,
                           String description, Map<String, Object> config, boolean voiceEnabled, boolean isActive)
            implements AgentEvent {
    }

    @Revision("1")
    record AgentUpdated(String agentId, String tenantId, String updatedBy, AgentChanges changes)
            implements AgentEvent {
    }

    @Revision("1")
    record AgentArchived(String agentId, String tenantId, String archivedBy, AgentStatus previousStatus)
            implements AgentEvent {
    }

    /**
     * A package stored for the agent: {@code version} is its label ({@code v1}, {@code v2}, …),
     * {@code tarballPath} where it lies in the tenant's file store, {@code sha256} its digest.
     */
    @Revision("1")
    record AgentVersionUploaded(String agentId, String tenantId, String uploadedBy, String versionId, String version,
                                String tarballPath, long sizeBytes, String sha256) implements AgentEvent {
    }

    @Revision("1")
    record AgentVersionBuildStarted(String agentId, String tenantId, String versionId, List<AgentLogLine> log)
            implements AgentEvent {
    }

    /** A stage of the build passed: {@code extract}, {@code manifest} or {@code entrypoint}, with its lines. */
    @Revision("1")
    record AgentVersionBuildStagePassed(String agentId, String tenantId, String versionId, String stage,
                                        List<AgentLogLine> log) implements AgentEvent {
    }

    /** The package is extracted and its manifest and entrypoint checked: the version can run. */
    @Revision("1")
    record AgentVersionBuilt(String agentId, String tenantId, String versionId, String entrypoint, String runtime,
                             String manifest, List<AgentLogLine> log) implements AgentEvent {
    }

    @Revision("1")
    record AgentVersionBuildFailed(String agentId, String tenantId, String versionId, String reason,
                                   List<AgentLogLine> log) implements AgentEvent {
    }
}
