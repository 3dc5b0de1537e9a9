package io.agentledger.app.health;

import io.agentledger.axon.cluster.ClusterNodes;
import io.agentledger.axon.eventstore.chain.ChainReader;
import io.agentledger.app.admin.ProjectionAdmin;
import io.agentledger.app.processing.StoredTokens;
import io.agentledger.axon.processing.ProcessorHealth;
import io.agentledger.projection.search.SearchHealth;
import org.axonframework.config.EventProcessingConfiguration;
import io.agentledger.app.admin.DeadLetters;
import io.agentledger.app.processing.ProcessorProgress;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /health}: the database, the event store and its unsealed tail, every event processor and
 * Elasticsearch (away: degraded), this node, the segments it holds and its live peers; {@code /health/live}:
 * the process answers; {@code /health/ready}: it can serve (database reachable, no processor stopped
 * or in error).
 */
@RestController
public class HealthController {

    static final Duration SEAL_ALLOWED = Duration.ofSeconds(30);

    private final DeadLetters deadLetters;
    private final ChainReader chain;

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final ProcessorHealth processorHealth;
    private final SearchHealth search;
    private final ClusterNodes cluster;
    private final StoredTokens storedTokens;
    private final ProjectionAdmin projections;
    private final String version;
    private final Instant startedAt = Instant.now();

    public HealthController(DeadLetters deadLetters, ChainReader chain, JdbcTemplate jdbc,
                            EventProcessingConfiguration processing, ProcessorHealth processorHealth,
                            SearchHealth search, ClusterNodes cluster, StoredTokens storedTokens,
                            ProjectionAdmin projections, ObjectProvider<BuildProperties> build) {
        this.projections = projections;
        this.cluster = cluster;
        this.storedTokens = storedTokens;
        this.deadLetters = deadLetters;
        this.chain = chain;
        this.search = search;
        this.jdbc = jdbc;
        this.processing = processing;
        this.processorHealth = processorHealth;
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null ? "dev" : properties.getVersion();
    }

    @GetMapping("/health/live")
    public Map<String, Object> live() {
        return Map.of("status", "up");
    }

    @GetMapping("/health/ready")
    public ResponseEntity<Map<String, Object>> ready() {
        Map<String, Object> health = health();
        boolean ready = !"unhealthy".equals(health.get("status"));
        return ResponseEntity.status(ready ? 200 : 503)
                .body(Map.of("status", ready ? "ready" : "not_ready", "components", health.get("components")));
    }

    @GetMapping("/health")
    public Map<String, Object> health() {
        return health(false);
    }

    /** {@code withAddresses}: the peers' network addresses too, for signed-in callers only. */
    public Map<String, Object> health(boolean withAddresses) {
        Map<String, Object> components = new LinkedHashMap<>();
        Map<String, Object> database = database();
        components.put("database", database);
        Map<String, Object> eventStore = eventStore();
        components.put("event_store", eventStore);
        Map<String, Object> processors = processors();
        components.put("processors", processors);
        components.put("dead_letters", deadLetters());
        Map<String, Object> searchHealth = search.check();
        components.put("search", searchHealth);
        components.put("cluster", cluster(withAddresses));
        String status = !"up".equals(database.get("status")) ? "unhealthy"
                : "up".equals(processors.get("status")) && "up".equals(searchHealth.get("status"))
                && "up".equals(eventStore.get("status")) ? "healthy"
                : "degraded";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("version", version);
        body.put("uptime_seconds", Duration.between(startedAt, Instant.now()).toSeconds());
        body.put("components", components);
        return body;
    }

    private Map<String, Object> database() {
        long start = System.nanoTime();
        try {
            jdbc.queryForObject("SELECT 1", Integer.class);
            return Map.of("status", "up", "response_time_ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            return Map.of("status", "down", "error", "database unreachable");
        }
    }

    /**
     * The head, and the tail waiting for its seal: one sealer chains every commit, so an event waiting
     * longer than {@link #SEAL_ALLOWED} means sealing stalled (verification, export and the live feed
     * do not see it yet).
     */
    private Map<String, Object> eventStore() {
        try {
            ChainReader.UnsealedTail tail = chain.unsealedTail();
            boolean behind = tail.behind(Instant.now(), SEAL_ALLOWED);
            Map<String, Object> store = new LinkedHashMap<>();
            store.put("status", behind ? "sealing_behind" : "up");
            store.put("head_position", ProcessorProgress.head(jdbc));
            store.put("unsealed_events", tail.events());
            store.put("oldest_unsealed_at", tail.oldestStoredAt() == null ? null : tail.oldestStoredAt().toString());
            return store;
        } catch (RuntimeException e) {
            return Map.of("status", "down", "error", "event store unreachable");
        }
    }

    /** Events the read models parked: how many wait per processing group, and the oldest. */
    private Map<String, Object> deadLetters() {
        try {
            Map<String, Map<String, Object>> groups = deadLetters.waiting();
            long waiting = groups.values().stream().mapToLong(group -> (Long) group.get("waiting")).sum();
            return Map.of("status", waiting == 0 ? "none" : "waiting", "waiting", waiting, "groups", groups);
        } catch (RuntimeException e) {
            return Map.of("status", "unknown", "error", "dead-letter queue unreadable");
        }
    }

    private Map<String, Object> processors() {
        long head = headOrZero();
        List<Map<String, Object>> items = new ArrayList<>();
        boolean allUp = true;
        for (var entry : processing.eventProcessors().entrySet()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", entry.getKey());
            boolean inReplayPass = projections.inReplayPass(entry.getKey());
            boolean running = entry.getValue().isRunning() || inReplayPass;
            Optional<Instant> failingSince = processorHealth.failingSince(entry.getKey());
            boolean error = processorHealth.failing(entry.getKey(), entry.getValue());
            item.put("running", running);
            item.put("error", error);
            if (inReplayPass) {
                item.put("replay_pass", true);
            }
            failingSince.ifPresent(since -> item.put("failing_since", since.toString()));
            if (entry.getValue() instanceof StreamingEventProcessor streaming) {
                ProcessorProgress progress = storedTokens.progress(streaming, head);
                item.put("held_here", StoredTokens.heldHere(streaming));
                item.put("caught_up", progress.caughtUp());
                item.put("replaying", progress.replaying());
                item.put("position", progress.position());
            }
            allUp &= running && !error;
            items.add(item);
        }
        return Map.of("status", allUp ? "up" : "degraded", "items", items);
    }

    private long headOrZero() {
        try {
            return ProcessorProgress.head(jdbc);
        } catch (RuntimeException unreachable) {
            return 0;
        }
    }

    /** This node, the segments it holds, and every live node with what it holds (and where, when asked). */
    private Map<String, Object> cluster(boolean withAddresses) {
        try {
            Map<String, List<ClusterNodes.Claim>> claims = cluster.claims();
            List<Map<String, Object>> nodes = new ArrayList<>();
            for (ClusterNodes.Member member : cluster.live()) {
                Map<String, Object> node = new LinkedHashMap<>();
                node.put("node", member.nodeId());
                if (withAddresses) {
                    node.put("address", member.address());
                }
                node.put("started_at", member.startedAt().toString());
                node.put("heartbeat_at", member.heartbeatAt().toString());
                node.put("segments", segments(claims.getOrDefault(member.nodeId(), List.of())));
                nodes.add(node);
            }
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("status", "up");
            view.put("node", cluster.nodeId());
            view.put("segments", segments(claims.getOrDefault(cluster.nodeId(), List.of())));
            view.put("peers", nodes.stream().filter(n -> !cluster.nodeId().equals(n.get("node"))).toList());
            view.put("live_nodes", nodes.size());
            return view;
        } catch (RuntimeException e) {
            return Map.of("status", "unknown", "node", cluster.nodeId(), "error", "cluster table unreadable");
        }
    }

    private static List<String> segments(List<ClusterNodes.Claim> claims) {
        return claims.stream().map(c -> c.processor() + "/" + c.segment()).toList();
    }
}
