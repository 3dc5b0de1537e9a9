package io.agentledger.app.admin;

import io.agentledger.app.processing.ProcessorProgress;
import io.agentledger.axon.eventstore.TrackedEventReader;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The replay passes of this node: which projections one is rebuilding, and starting one for projections
 * just reset (see {@link ReplayPass}). Where a pass cannot be made (a processor of several segments, or
 * of another kind), the processors replay on their own as before.
 */
@Component
class ReplayPasses {

    private static final Logger log = LoggerFactory.getLogger(ReplayPasses.class);

    private final EventProcessingConfiguration processing;
    private final EventStorageEngine storage;
    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final int chunk;
    private final Semaphore writers;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<String, Object>> lastOutcomes = new ConcurrentHashMap<>();
    private volatile boolean closing;

    ReplayPasses(EventProcessingConfiguration processing, EventStorageEngine storage,
                 TransactionManager transactions, JdbcTemplate jdbc,
                 @Value("${agentledger.replay.chunk:1000}") int chunk,
                 @Value("${agentledger.replay.writers:4}") int writers) {
        this.writers = new Semaphore(writers);
        this.processing = processing;
        this.storage = storage;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.chunk = chunk;
    }

    boolean running(String name) {
        return running.contains(name);
    }

    /** How the last pass over this projection ended here: events read, and whether it reached its head. */
    Map<String, Object> lastOutcome(String name) {
        return lastOutcomes.get(name);
    }

    void reserve(Collection<String> names) {
        running.addAll(names);
    }

    void release(String name) {
        running.remove(name);
    }

    /**
     * Starts a pass over the reset, stopped processors; {@code onEnd} runs when it ends, however it ends.
     *
     * @return false where no pass can be made, and nothing was started
     */
    boolean start(List<StreamingEventProcessor> processors, Runnable onEnd) {
        if (!(storage instanceof TrackedEventReader reader) || closing) {
            return false;
        }
        Optional<List<ReplayTarget>> targets;
        try {
            targets = targets(processors);
        } catch (RuntimeException unclaimed) {
            log.info("No replay pass for {}; their processors replay: {}", processors.stream()
                    .map(StreamingEventProcessor::getName).toList(), unclaimed.toString());
            return false;
        }
        if (targets.isEmpty()) {
            return false;
        }
        TrackingToken from = targets.get().get(0).readsFrom();
        if (!targets.get().stream().allMatch(target -> Objects.equals(target.readsFrom(), from))) {
            return false;
        }
        ReplayPass pass = new ReplayPass(reader, targets.get(), ProcessorProgress.head(jdbc), chunk, writers);
        List<String> names = targets.get().stream().map(ReplayTarget::name).toList();
        Thread thread = new Thread(() -> run(pass, from, names, onEnd), "projection-replay");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    private void run(ReplayPass pass, TrackingToken from, List<String> names, Runnable onEnd) {
        long began = System.nanoTime();
        String outcome = "stopped; the processor replays the rest";
        try {
            pass.run(from, () -> !closing);
            outcome = closing ? outcome : "completed";
            log.info("Replayed {} in one pass over {} events in {} ms", names, pass.events(),
                    (System.nanoTime() - began) / 1_000_000);
        } catch (Exception | Error failure) {
            log.warn("The replay pass of {} stopped; the processors finish the replay from where it got", names,
                    failure);
        } finally {
            Map<String, Object> last = Map.of("outcome", outcome, "events_read", pass.events(),
                    "milliseconds", (System.nanoTime() - began) / 1_000_000);
            names.forEach(name -> lastOutcomes.put(name, last));
            if (!closing) {
                onEnd.run();
            }
        }
    }

    /** Every processor a tracking one of one segment, its replay token claimed by this node. */
    private Optional<List<ReplayTarget>> targets(List<StreamingEventProcessor> processors) {
        List<ReplayTarget> targets = new ArrayList<>();
        for (StreamingEventProcessor processor : processors) {
            TokenStore tokens = processing.tokenStore(processor.getName());
            if (!(processor instanceof TrackingEventProcessor tracking)
                    || !Arrays.equals(tokens.fetchSegments(processor.getName()),
                    new int[]{Segment.ROOT_SEGMENT.getSegmentId()})) {
                return Optional.empty();
            }
            TrackingToken token = transactions.fetchInTransaction(() -> tokens.fetchToken(processor.getName(),
                    Segment.ROOT_SEGMENT.getSegmentId()));
            targets.add(new ReplayTarget(tracking, tokens, transactions, token));
        }
        return Optional.of(targets);
    }

    @PreDestroy
    void close() {
        closing = true;
    }
}
