package io.agentledger.projection.run;

import io.agentledger.kernel.run.RunEvent;
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
import io.agentledger.projection.support.StoredTime;
import io.agentledger.projection.support.VersionAnnouncer;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;

import static io.agentledger.projection.run.RunViewRepository.fields;

/**
 * Applies a run's event to run_view when the row stands at the version before it, for both the inline
 * and the tracking projection: whichever comes second changes nothing. Every run event takes its
 * version, also those the view does not show, so that no event can be skipped.
 */
@Component
class RunSummaryWriter {

    private final RunViewRepository runs;
    private final VersionAnnouncer versions;

    RunSummaryWriter(RunViewRepository runs, VersionAnnouncer versions) {
        this.runs = runs;
        this.versions = versions;
    }

    void apply(RunEvent event, long version, Instant at) {
        if (applied(event, version, StoredTime.of(at))) {
            versions.announce(FindRunVersion.class, FindRunVersion::runId, event.runId(), version);
        }
    }

    private boolean applied(RunEvent event, long version, Instant at) {
        String runId = event.runId();
        if (event instanceof RunCreated created) {
            return runs.insert(created, version, at);
        }
        if (event instanceof RunStarted) {
            return runs.started(runId, version, at);
        }
        if (event instanceof NodeStarted node) {
            return runs.checkpoint(runId, node.node(), fields("started_at", at, "status", "running"), version, at);
        }
        if (event instanceof NodeCompleted node) {
            return runs.checkpoint(runId, node.node(), fields("completed_at", at, "status", "completed"), version,
                    at);
        }
        if (event instanceof NodeFailed node) {
            return runs.checkpoint(runId, node.node(), fields("completed_at", at, "status", "failed", "result",
                    Map.of("error", node.errorMessage())), version, at);
        }
        if (event instanceof CheckpointRecorded checkpoint) {
            return runs.checkpoint(runId, checkpoint.node(), fields("status", checkpoint.status(), "result",
                    checkpoint.result()), version, at);
        }
        if (event instanceof StepCompleted step) {
            return runs.step(runId, fields("task_index", step.taskIndex(), "task_id", step.taskId(), "tool",
                    step.tool(), "step_key", step.stepKey(), "outcome", step.outcome(), "output", step.output(),
                    "at", at), version, at);
        }
        if (event instanceof ArtifactProduced artifact) {
            return runs.artifact(runId, artifact.name(), artifact.value(), version, at);
        }
        if (event instanceof CostRecorded cost) {
            return runs.cost(cost, version, at);
        }
        if (event instanceof RunPaused) {
            return runs.setStatus(runId, RunStatus.PAUSED, version, at);
        }
        if (event instanceof RunResumed resumed) {
            return runs.setStatus(runId, resumed.status(), version, at);
        }
        if (event instanceof RunCompleted) {
            return runs.finished(runId, RunStatus.COMPLETED, null, version, at);
        }
        if (event instanceof RunFailed failed) {
            return runs.finished(runId, RunStatus.FAILED, failed.errorMessage(), version, at);
        }
        if (event instanceof RunCancelled) {
            return runs.finished(runId, RunStatus.CANCELLED, null, version, at);
        }
        return runs.advance(runId, version);
    }

    void reset() {
        runs.deleteAll();
    }
}
