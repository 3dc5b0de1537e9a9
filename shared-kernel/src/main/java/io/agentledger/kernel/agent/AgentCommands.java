package io.agentledger.kernel.agent;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;
import java.util.Map;

/** Commands of the Agent aggregate. {@code tenantId} is the caller's: another tenant's agent is not found. */
public final class AgentCommands {

    private AgentCommands() {
    }

    public record RegisterAgent(@TargetAggregateIdentifier String agentId, String tenantId, String createdBy,
                                long agentNumber, String name, String description, Map<String, Object> config,
                                boolean voiceEnabled, boolean isActive) {
    }

    /** Answers the agent's new version. */
    public record UpdateAgent(@TargetAggregateIdentifier String agentId, String tenantId, String updatedBy,
                              @TargetAggregateVersion Long expectedVersion, AgentChanges changes) {
    }

    /** Archives the agent: it no longer runs or takes packages; its history stays. Answers the new version. */
    public record ArchiveAgent(@TargetAggregateIdentifier String agentId, String tenantId, String archivedBy) {
    }

    /** Answers the new version's label ({@code v1}, …). */
    public record UploadAgentVersion(@TargetAggregateIdentifier String agentId, String tenantId, String uploadedBy,
                                     String versionId, String tarballPath, long sizeBytes, String sha256) {
    }

    /** Answers whether the build is to run: false when the version's build already ended. */
    public record StartAgentBuild(@TargetAggregateIdentifier String agentId, String versionId,
                                  List<AgentLogLine> log) {
    }

    /** Ignored once the version's build ended. */
    public record PassAgentBuildStage(@TargetAggregateIdentifier String agentId, String versionId, String stage,
                                      List<AgentLogLine> log) {
    }

    public record CompleteAgentBuild(@TargetAggregateIdentifier String agentId, String versionId, String entrypoint,
                                     String runtime, String manifest, List<AgentLogLine> log) {
    }

    public record FailAgentBuild(@TargetAggregateIdentifier String agentId, String versionId, String reason,
                                 List<AgentLogLine> log) {
    }
}
