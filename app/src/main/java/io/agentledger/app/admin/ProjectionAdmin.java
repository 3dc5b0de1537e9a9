package io.agentledger.app.admin;

import io.agentledger.app.processing.ProcessorProgress;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.projection.agent.AgentDirectoryProjection;
import io.agentledger.projection.apikey.ApiKeyDirectoryProjection;
import io.agentledger.projection.approval.ApprovalDirectoryProjection;
import io.agentledger.projection.audit.AuditLogProjection;
import io.agentledger.projection.goal.GoalSummaryProjection;
import io.agentledger.projection.mcp.McpServerProjection;
import io.agentledger.projection.memory.AgentMemoryProjection;
import io.agentledger.projection.memory.MemoryDirectoryProjection;
import io.agentledger.projection.memory.MemorySearchProjection;
import io.agentledger.projection.run.RunSummaryProjection;
import io.agentledger.projection.user.UserDirectoryProjection;
import io.agentledger.projection.automation.AutomationDirectoryProjection;
import io.agentledger.projection.task.TaskDirectoryProjection;
import io.agentledger.projection.voice.VoiceDirectoryProjection;
import io.agentledger.projection.workflow.WorkflowDirectoryProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The read-model projections, where each stands against the head of the event store, and their
 * rebuild by replay. Only projections replay: the engine's policies and queues act on events and
 * must not see them twice.
 */
@Component
public class ProjectionAdmin {

    static final List<String> PROJECTIONS = List.of(GoalSummaryProjection.GROUP, RunSummaryProjection.GROUP,
            ApprovalDirectoryProjection.GROUP, UserDirectoryProjection.GROUP, ApiKeyDirectoryProjection.GROUP,
            AuditLogProjection.GROUP, MemoryDirectoryProjection.GROUP, MemorySearchProjection.GROUP,
            AgentMemoryProjection.GROUP, AgentDirectoryProjection.GROUP,
            WorkflowDirectoryProjection.GROUP, McpServerProjection.GROUP, TaskDirectoryProjection.GROUP,
            AutomationDirectoryProjection.GROUP, VoiceDirectoryProjection.GROUP);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, Sample> lastSamples = new ConcurrentHashMap<>();
    private final Map<String, Instant> replayStarted = new ConcurrentHashMap<>();

    public ProjectionAdmin(EventProcessingConfiguration processing, JdbcTemplate jdbc, Clock clock) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Map<String, Object>> all() {
        long head = head();
        return PROJECTIONS.stream().map(name -> describe(name, head)).toList();
    }

    public Map<String, Object> one(String name) {
        processor(name);
        return describe(name, head());
    }

    public Map<String, Object> replay(String name) {
        StreamingEventProcessor processor = processor(name);
        processor.shutDown();
        processor.resetTokens();
        replayStarted.put(name, clock.instant());
        lastSamples.remove(name);
        processor.start();
        return describe(name, head());
    }

    private StreamingEventProcessor processor(String name) {
        if (!PROJECTIONS.contains(name)) {
            boolean exists = processing.eventProcessor(name).isPresent();
            throw exists ? DomainException.conflict(name + " acts on events rather than projecting them and cannot "
                    + "be replayed") : DomainException.notFound("No projection named " + name);
        }
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> DomainException.notFound("No projection named " + name));
    }

    private Map<String, Object> describe(String name, long head) {
        StreamingEventProcessor processor = processor(name);
        ProcessorProgress progress = ProcessorProgress.of(processor);
        long position = progress.position();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", name);
        view.put("running", processor.isRunning());
        view.put("replaying", progress.replaying());
        view.put("caught_up", progress.caughtUp());
        view.put("position", position);
        view.put("head", head);
        view.put("lag", Math.max(0, head - position));
        view.put("events_per_second", rate(name, position));
        Instant started = replayStarted.get(name);
        view.put("replay_started_at", started == null ? null : started.toString());
        return view;
    }

    /** Events per second since the previous look at this projection. */
    private double rate(String name, long position) {
        Instant now = clock.instant();
        Sample previous = lastSamples.put(name, new Sample(position, now));
        if (previous == null || !now.isAfter(previous.at()) || position < previous.position()) {
            return 0;
        }
        double seconds = Duration.between(previous.at(), now).toMillis() / 1000.0;
        return seconds == 0 ? 0 : Math.round((position - previous.position()) / seconds * 10) / 10.0;
    }

    private long head() {
        return ProcessorProgress.head(jdbc);
    }

    private record Sample(long position, Instant at) {
    }
}
