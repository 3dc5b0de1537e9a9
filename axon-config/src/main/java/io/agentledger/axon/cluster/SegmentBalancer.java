package io.agentledger.axon.cluster;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Spreads the processors' segments over the live nodes: a node holding more than its share (every
 * segment, claimed or not, over the live nodes, rounded up) releases the surplus for a while, and the
 * processors of the nodes holding less claim it. Each processor keeps one segment, since several of
 * the read models and policies rely on the store's global order; what spreads is whole processors.
 */
@Component
public class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final ClusterNodes nodes;
    private final EventProcessingConfiguration processing;
    private final Duration every;
    private final Duration releaseFor;
    private ScheduledExecutorService timer;
    private volatile boolean running;

    public SegmentBalancer(ClusterNodes nodes, EventProcessingConfiguration processing,
                           @Value("${agentledger.cluster.balance-every:PT5S}") Duration every,
                           @Value("${agentledger.cluster.claim-timeout:PT10S}") Duration claimTimeout) {
        this.nodes = nodes;
        this.processing = processing;
        this.every = every;
        this.releaseFor = claimTimeout.multipliedBy(2);
    }

    void balance() {
        List<ClusterNodes.Member> live = nodes.live();
        if (live.size() < 2) {
            return;
        }
        Map<String, List<ClusterNodes.Claim>> claims = nodes.claims();
        int total = nodes.segmentCount();
        int share = (total + live.size() - 1) / live.size();
        boolean someoneShort = live.stream().anyMatch(m -> claims.getOrDefault(m.nodeId(), List.of()).size()
                < total / live.size());
        List<ClusterNodes.Claim> mine = claims.getOrDefault(nodes.nodeId(), List.of());
        if (!someoneShort || mine.size() <= share) {
            return;
        }
        for (ClusterNodes.Claim surplus : mine.subList(share, mine.size())) {
            processing.eventProcessor(surplus.processor(), StreamingEventProcessor.class).ifPresent(processor -> {
                log.info("Releasing {} segment {} to a less busy node", surplus.processor(), surplus.segment());
                processor.releaseSegment(surplus.segment(), releaseFor.toMillis(), TimeUnit.MILLISECONDS);
            });
        }
    }

    @Override
    public void start() {
        running = true;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                balance();
            } catch (RuntimeException e) {
                log.warn("Balancing segments failed: {}", e.getMessage());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
