package io.agentledger.app.admin;

import io.agentledger.app.processing.ProcessorProgress;
import io.agentledger.app.processing.StoredTokens;
import io.agentledger.axon.cluster.ClusterSignals;
import io.agentledger.axon.cluster.NodeIdentity;
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
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The read-model projections, where each stands against the head of the event store, and their
 * rebuild by replay. Only projections replay: the engine's policies and queues act on events and
 * must not see them twice.
 * <p>
 * In a cluster a replay is the cluster's: the node asked tells the others to stop that projection
 * (they release its segment), resets it once no other node holds it, runs it, and tells the others to
 * start theirs again (a node not told within {@link #PAUSE_AT_MOST} starts again by itself).
 */
@Component
public class ProjectionAdmin {

    static final List<String> PROJECTIONS = List.of(GoalSummaryProjection.GROUP, RunSummaryProjection.GROUP,
            ApprovalDirectoryProjection.GROUP, UserDirectoryProjection.GROUP, ApiKeyDirectoryProjection.GROUP,
            AuditLogProjection.GROUP, MemoryDirectoryProjection.GROUP, MemorySearchProjection.GROUP,
            AgentMemoryProjection.GROUP, AgentDirectoryProjection.GROUP,
            WorkflowDirectoryProjection.GROUP, McpServerProjection.GROUP, TaskDirectoryProjection.GROUP,
            AutomationDirectoryProjection.GROUP, VoiceDirectoryProjection.GROUP);

    static final Duration PAUSE_AT_MOST = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(ProjectionAdmin.class);
    private static final String PAUSE = "projection-pause";
    private static final String RESUME = "projection-resume";

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ClusterSignals signals;
    private final StoredTokens storedTokens;
    private final ReplayPasses passes;
    private final String node;
    private final Duration claimTimeout;
    private final Map<String, Sample> lastSamples = new ConcurrentHashMap<>();
    private final Map<String, Instant> replayStarted = new ConcurrentHashMap<>();
    private final ScheduledExecutorService pauses = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "projection-pauses");
        thread.setDaemon(true);
        return thread;
    });

    public ProjectionAdmin(EventProcessingConfiguration processing, JdbcTemplate jdbc, Clock clock,
                           ClusterSignals signals, StoredTokens storedTokens, ReplayPasses passes, NodeIdentity node,
                           @Value("${agentledger.cluster.claim-timeout:PT10S}") Duration claimTimeout) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.clock = clock;
        this.signals = signals;
        this.storedTokens = storedTokens;
        this.passes = passes;
        this.node = node.id();
        this.claimTimeout = claimTimeout;
        signals.on(PAUSE, key -> fromAnotherNode(key, this::pauseHere));
        signals.on(RESUME, key -> fromAnotherNode(key, name -> pauses.execute(() -> startHere(name))));
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
        return replay(List.of(name)).get(0);
    }

    /**
     * Resets the named projections (every one when none is named) and rebuilds them together in one read
     * of the store ({@link ReplayPass}), on a thread of its own; answers at once.
     */
    public List<Map<String, Object>> replay(Collection<String> names) {
        List<String> chosen = names.isEmpty() ? PROJECTIONS : names.stream().distinct().toList();
        List<StreamingEventProcessor> processors = chosen.stream().map(this::processor).toList();
        reserve(chosen);
        boolean handedToPass = false;
        try {
            chosen.forEach(name -> signals.send(PAUSE, node + "|" + name));
            processors.forEach(StreamingEventProcessor::shutDown);
            for (StreamingEventProcessor processor : processors) {
                resetOnceFree(processor);
                replayStarted.put(processor.getName(), clock.instant());
                lastSamples.remove(processor.getName());
            }
            handedToPass = passes.start(processors, () -> finish(processors));
        } finally {
            if (!handedToPass) {
                finish(processors);
            }
        }
        long head = head();
        return chosen.stream().map(name -> describe(name, head)).toList();
    }

    public boolean inReplayPass(String name) {
        return passes.running(name);
    }

    private synchronized void reserve(List<String> names) {
        List<String> busy = names.stream().filter(passes::running).toList();
        if (!busy.isEmpty()) {
            throw DomainException.conflict("Already being rebuilt: " + String.join(", ", busy)
                    + "; wait until it has caught up");
        }
        passes.reserve(names);
    }

    /** Starts every processor again, each whatever another's start did. */
    private void finish(List<StreamingEventProcessor> processors) {
        for (StreamingEventProcessor processor : processors) {
            try {
                processor.start();
            } catch (RuntimeException notStarted) {
                log.warn("{} did not start again after its reset; it starts with the next replay or restart",
                        processor.getName(), notStarted);
            } finally {
                passes.release(processor.getName());
                signals.send(RESUME, node + "|" + processor.getName());
            }
        }
    }

    /** Another node may hold the segment until it heard the pause, or until its claim times out if it died. */
    private void resetOnceFree(StreamingEventProcessor processor) {
        long giveUp = System.nanoTime() + claimTimeout.plusSeconds(5).toNanos();
        while (true) {
            try {
                processor.resetTokens();
                return;
            } catch (UnableToClaimTokenException held) {
                if (System.nanoTime() > giveUp) {
                    throw DomainException.conflict("Another node still holds " + processor.getName()
                            + "; retry the replay");
                }
                sleep(250);
            }
        }
    }

    private void fromAnotherNode(String key, java.util.function.Consumer<String> action) {
        int bar = key.indexOf('|');
        if (bar > 0 && !node.equals(key.substring(0, bar)) && PROJECTIONS.contains(key.substring(bar + 1))) {
            action.accept(key.substring(bar + 1));
        }
    }

    private void pauseHere(String name) {
        pauses.execute(() -> processing.eventProcessor(name, StreamingEventProcessor.class)
                .ifPresent(StreamingEventProcessor::shutDown));
        pauses.schedule(() -> startHere(name), PAUSE_AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void startHere(String name) {
        processing.eventProcessor(name, StreamingEventProcessor.class)
                .filter(p -> !p.isRunning()).ifPresent(StreamingEventProcessor::start);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw DomainException.conflict("Interrupted while waiting for the projection's segment");
        }
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
        ProcessorProgress progress = storedTokens.progress(processor, head);
        long position = progress.position();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", name);
        view.put("running", processor.isRunning());
        view.put("replay_pass", passes.running(name));
        view.put("last_replay_pass", passes.lastOutcome(name));
        view.put("held_here", StoredTokens.heldHere(processor));
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
