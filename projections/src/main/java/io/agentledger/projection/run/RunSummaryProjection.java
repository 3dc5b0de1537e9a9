package io.agentledger.projection.run;

import io.agentledger.kernel.run.RunEvent.ArtifactProduced;
import io.agentledger.kernel.run.RunEvent.CheckpointRecorded;
import io.agentledger.kernel.run.RunEvent.CostRecorded;
import io.agentledger.kernel.run.RunEvent.NodeCompleted;
import io.agentledger.kernel.run.RunEvent.NodeFailed;
import io.agentledger.kernel.run.RunEvent.NodeStarted;
import io.agentledger.kernel.run.RunEvent.RunCancelled;
import io.agentledger.kernel.run.RunEvent.RunCompleted;
import io.agentledger.kernel.run.RunEvent.RunCreated;
import io.agentledger.kernel.run.RunEvent.RunFailed;
import io.agentledger.kernel.run.RunEvent.RunPaused;
import io.agentledger.kernel.run.RunEvent.RunResumed;
import io.agentledger.kernel.run.RunEvent.RunStarted;
import io.agentledger.kernel.run.RunEvent.StepCompleted;
import io.agentledger.kernel.run.RunQueries.FindRunVersion;
import io.agentledger.kernel.run.RunStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import io.agentledger.projection.support.VersionAnnouncer;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static io.agentledger.projection.run.RunViewRepository.fields;

@Component
@ProcessingGroup(RunSummaryProjection.GROUP)
public class RunSummaryProjection {

    public static final String GROUP = "run-summary";

    private final RunViewRepository runs;
    private final VersionAnnouncer versions;

    public RunSummaryProjection(RunViewRepository runs, VersionAnnouncer versions) {
        this.runs = runs;
        this.versions = versions;
    }

    @EventHandler
    void on(RunCreated event, @SequenceNumber long version, @Timestamp Instant at) {
        runs.insert(event, version, at);
        announce(event.runId(), version);
    }

    @EventHandler
    void on(RunStarted event, @SequenceNumber long version, @Timestamp Instant at) {
        runs.started(event.runId(), version, at);
        announce(event.runId(), version);
    }

    @EventHandler
    void on(NodeStarted event, @SequenceNumber long version, @Timestamp Instant at) {
        runs.checkpoint(event.runId(), event.node(), fields("started_at", at, "status", "running"), version, at);
        announce(event.runId(), version);
    }

    @EventHandler
    void on(NodeCompleted event, @SequenceNumber long version, @Timestamp Instant at) {
        runs.checkpoint(event.runId(), event.node(), fields("completed_at", at, "status", "completed"), version, at);
        announce(event.runId(), version);
    }

    @EventHandler
    void on(NodeFailed event, @SequenceNumber long version, @Timestamp Instant at) {
        runs.checkpoint(event.runId(), event.node(), fields("completed_at", at, "status", "failed",
                "result", java.util.Map.of("error", event.errorMessage())), version, at);
        announce(event.runId(), version);
    }

    @EventHandler
    void on(CheckpointRecorded event, @SequenceNumber long version, @Timestamp Instant at) {
        runs.checkpoint(event.runId(), event.node(), fields("status", event.status(), "result", event.result()),
                version, at);
        announce(event.runId(), version);
    }

    @EventHandler
    void on(StepCompleted event, @SequenceNumber long version, @Timestamp Instant at) {
        runs.step(event.runId(), fields("task_index", event.taskIndex(), "task_id", event.taskId(), "tool",
                event.tool(), "step_key", event.stepKey(), "outcome", event.outcome(), "output", event.output(),
                "at", at), version, at);
        announce(event.runId(), version);
    }

    @EventHandler
    void on(ArtifactProduced event, @SequenceNumber long version, @Timestamp Instant at) {
        runs.artifact(event.runId(), event.name(), event.value(), version, at);
        announce(event.runId(), version);
    }

    @EventHandler
    void on(CostRecorded event, @SequenceNumber long version, @Timestamp Instant at) {
        runs.cost(event, version, at);
        announce(event.runId(), version);
    }

    @EventHandler
    void on(RunPaused event, @SequenceNumber long version, @Timestamp Instant at) {
        runs.setStatus(event.runId(), RunStatus.PAUSED, version, at);
        announce(event.runId(), version);
    }

    @EventHandler
    void on(RunResumed event, @SequenceNumber long version, @Timestamp Instant at) {
        runs.setStatus(event.runId(), event.status(), version, at);
        announce(event.runId(), version);
    }

    @EventHandler
    void on(RunCompleted event, @SequenceNumber long version, @Timestamp Instant at) {
        runs.finished(event.runId(), RunStatus.COMPLETED, null, version, at);
        announce(event.runId(), version);
    }

    @EventHandler
    void on(RunFailed event, @SequenceNumber long version, @Timestamp Instant at) {
        runs.finished(event.runId(), RunStatus.FAILED, event.errorMessage(), version, at);
        announce(event.runId(), version);
    }

    @EventHandler
    void on(RunCancelled event, @SequenceNumber long version, @Timestamp Instant at) {
        runs.finished(event.runId(), RunStatus.CANCELLED, null, version, at);
        announce(event.runId(), version);
    }

    @ResetHandler
    void reset() {
        runs.deleteAll();
    }

    private void announce(String runId, long version) {
        versions.announce(FindRunVersion.class, FindRunVersion::runId, runId, version);
    }
}
