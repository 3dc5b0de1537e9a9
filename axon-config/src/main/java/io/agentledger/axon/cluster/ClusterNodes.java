package io.agentledger.axon.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The nodes of the cluster as the database knows them: each writes a heartbeat (database time, so the
 * nodes' clocks need not agree) and is live while it is fresher than {@code agentledger.cluster.node-timeout}.
 * A node refuses to start under the name of another live one. What each node has claimed comes from
 * Axon's token store.
 */
@Component
public class ClusterNodes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterNodes.class);
    private static final Duration SIGN_OFF_WAIT = Duration.ofSeconds(2);

    private final JdbcTemplate jdbc;
    private final NodeIdentity node;
    private final Environment environment;
    private final Duration heartbeat;
    private final Duration timeout;
    private final UUID instance = UUID.randomUUID();
    private ScheduledExecutorService beat;
    private volatile boolean running;
    private volatile int liveNodes = 1;

    public ClusterNodes(JdbcTemplate jdbc, NodeIdentity node, Environment environment,
                        @Value("${agentledger.cluster.heartbeat:PT2S}") Duration heartbeat,
                        @Value("${agentledger.cluster.node-timeout:PT10S}") Duration timeout) {
        this.jdbc = jdbc;
        this.node = node;
        this.environment = environment;
        this.heartbeat = heartbeat;
        this.timeout = timeout;
    }

    public record Member(String nodeId, String address, Instant startedAt, Instant heartbeatAt) {
    }

    public record Claim(String processor, int segment) {
    }

    public String nodeId() {
        return node.id();
    }

    /** Whether this node was the only live one at its last heartbeat. */
    public boolean alone() {
        return liveNodes <= 1;
    }

    /** Every live node, this one included. */
    public List<Member> live() {
        return jdbc.query("SELECT node_id, address, started_at, heartbeat_at FROM cluster_node "
                        + "WHERE heartbeat_at > now() - make_interval(secs => ?) ORDER BY node_id",
                (row, i) -> new Member(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant(),
                        row.getTimestamp(4).toInstant()), timeout.toMillis() / 1000.0);
    }

    /** Processor segments claimed, by owner. */
    public Map<String, List<Claim>> claims() {
        return jdbc.query("SELECT owner, processor_name, segment FROM token_entry WHERE owner IS NOT NULL "
                        + "ORDER BY processor_name, segment",
                (row, i) -> Map.entry(row.getString(1), new Claim(row.getString(2), row.getInt(3))))
                .stream().collect(Collectors.groupingBy(Map.Entry::getKey, java.util.TreeMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /** Every processor segment in the token store, claimed or not. */
    public int segmentCount() {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM token_entry", Integer.class);
        return count == null ? 0 : count;
    }

    @Override
    public void start() {
        register();
        running = true;
        beat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "cluster-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        beat.scheduleWithFixedDelay(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void register() {
        int taken = jdbc.update("INSERT INTO cluster_node (node_id, instance, address, started_at, heartbeat_at) "
                        + "VALUES (?, ?, ?, now(), now()) ON CONFLICT (node_id) DO UPDATE SET instance = "
                        + "EXCLUDED.instance, address = EXCLUDED.address, started_at = now(), heartbeat_at = now() "
                        + "WHERE cluster_node.heartbeat_at <= now() - make_interval(secs => ?)",
                node.id(), instance, address(), timeout.toMillis() / 1000.0);
        if (taken == 0) {
            throw new IllegalStateException("Another live node is named " + node.id()
                    + "; give each node its own agentledger.node.id (NODE_ID)");
        }
        jdbc.update("DELETE FROM cluster_node WHERE heartbeat_at < now() - interval '1 day'");
        countLive();
    }

    private void countLive() {
        liveNodes = live().size();
    }

    private void heartbeat() {
        try {
            int kept = jdbc.update("UPDATE cluster_node SET heartbeat_at = now(), address = ? WHERE node_id = ? "
                    + "AND instance = ?", address(), node.id(), instance);
            if (kept == 0) {
                log.warn("Node {} had been taken for dead; registering again", node.id());
                register();
            }
            countLive();
        } catch (RuntimeException e) {
            log.warn("Node heartbeat failed: {}", e.getMessage());
        }
    }

    private String address() {
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", ""));
        return port.isEmpty() ? host : host + ":" + port;
    }

    @Override
    public void stop() {
        running = false;
        if (beat != null) {
            beat.shutdownNow();
        }
        // best effort, and bounded: a database already gone would hold the shutdown for the pool's connection
        // timeout, while a node that does not sign off is only taken for dead a little later
        CompletableFuture<Integer> signOff = CompletableFuture.supplyAsync(() -> jdbc.update(
                "DELETE FROM cluster_node WHERE node_id = ? AND instance = ?", node.id(), instance));
        try {
            signOff.get(SIGN_OFF_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.debug("Could not sign the node off: {}", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Registered before the processors claim anything, signed off after they released it all. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 600;
    }
}
