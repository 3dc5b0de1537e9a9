package io.agentledger.app.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.app.support.IntegrationTest;
import io.agentledger.app.support.Sealing;
import io.agentledger.kernel.goal.GoalChanges;
import io.agentledger.kernel.goal.GoalCommands.UpdateGoal;
import io.agentledger.query.live.EventFeed;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.SignalType;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consumer that requests one message at a time while thousands of events arrive: the server sends no more
 * than requested, holds no more than its window, tells the consumer when it fell behind, and the consumer
 * resumes from its position without losing or repeating anything.
 */
class LiveBackpressureIT extends IntegrationTest {

    private static final int WRITERS = 4;
    private static final int UPDATES_PER_WRITER = 600;

    @Autowired
    private RSocketStrategies strategies;

    @Autowired
    private EventFeed feed;

    @Autowired
    private CommandGateway commands;

    @Value("${local.rsocket.server.port}")
    private int tcpPort;

    /** Requests one message, and the next only 20 ms after each arrives. */
    private static final class SlowReader extends BaseSubscriber<JsonNode> {

        final List<JsonNode> received = new CopyOnWriteArrayList<>();
        final CountDownLatch finished = new CountDownLatch(1);

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            requestOne();
        }

        @Override
        protected void hookOnNext(JsonNode message) {
            received.add(message);
            Schedulers.parallel().schedule(this::requestOne, 20, TimeUnit.MILLISECONDS);
        }

        @Override
        protected void hookFinally(SignalType type) {
            finished.countDown();
        }

        private void requestOne() {
            request(1);
        }
    }

    private List<Long> tenantPositionsAfter(long position, String tenantId) {
        return jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE global_index > ? "
                + "AND coalesce(convert_from(meta_data, 'UTF8')::jsonb ->> 'tenant_id', "
                + "convert_from(payload, 'UTF8')::jsonb ->> 'tenant_id') = ? ORDER BY global_index", Long.class,
                position, tenantId);
    }

    /** Counted on the wire: the client's own flow control would hide frames the server sent beyond demand. */
    @Test
    void aConsumerThatStopsAskingIsSentNothingBeyondWhatItAskedFor() throws Exception {
        User user = register();
        List<String> goals = IntStream.range(0, WRITERS).mapToObj(i -> api.post("/api/v1/goals",
                Map.of("text", "Goal flooded " + i), user.auth()).text("id")).toList();
        long from = sealedHead();
        AtomicLong onTheWire = new AtomicLong();
        RSocketRequester client = LiveClients.countingTcp(strategies, tcpPort, user.accessToken(), onTheWire);
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        BaseSubscriber<JsonNode> stopsAfterFive = new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                request(5);
            }

            @Override
            protected void hookOnNext(JsonNode message) {
                received.add(message);
            }
        };
        client.route("events").data(Map.of("from_position", from)).retrieveFlux(JsonNode.class)
                .subscribe(stopsAfterFive);

        flood(user, goals);
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 5);
        Thread.sleep(1_000);

        assertThat(onTheWire.get()).as("payload frames the server sent for a demand of 5").isEqualTo(5);
        assertThat(received).hasSize(5);
        stopsAfterFive.dispose();
        client.dispose();
    }

    @Test
    void aSlowConsumerIsToldItFellBehindAndResumesFromItsPositionExactlyOnce() throws Exception {
        User user = register();
        List<String> goals = IntStream.range(0, WRITERS).mapToObj(i -> api.post("/api/v1/goals",
                Map.of("text", "Goal edited many times " + i), user.auth()).text("id")).toList();
        long from = sealedHead();
        RSocketRequester client = LiveClients.tcp(strategies, tcpPort, user.accessToken());
        SlowReader reader = new SlowReader();
        client.route("events").data(Map.of("from_position", from)).retrieveFlux(JsonNode.class).subscribe(reader);

        int maxBuffered = flood(user, goals);
        Sealing.awaitSealed(jdbc);

        assertThat(reader.finished.await(60, TimeUnit.SECONDS)).as("the slow reader was ended").isTrue();
        List<JsonNode> received = reader.received;
        JsonNode notice = received.get(received.size() - 1);
        assertThat(notice.path("type").asText()).isEqualTo("stream.behind");
        List<JsonNode> events = received.subList(0, received.size() - 1);
        List<Long> positions = events.stream().map(m -> m.path("position").asLong()).toList();
        long lastSeen = positions.isEmpty() ? from : positions.get(positions.size() - 1);
        assertThat(notice.path("data").path("position").asLong()).isEqualTo(lastSeen);
        assertThat(notice.path("data").path("head").asLong()).isGreaterThan(lastSeen + feed.capacity());
        assertThat(positions).isSorted().doesNotHaveDuplicates().allMatch(position -> position > from);
        assertThat(positions).isEqualTo(tenantPositionsAfter(from, user.tenantId()).subList(0, positions.size()));
        assertThat(maxBuffered).isLessThanOrEqualTo(feed.capacity());

        List<Long> rest = tenantPositionsAfter(lastSeen, user.tenantId());
        assertThat(rest).hasSizeGreaterThan(feed.capacity());
        List<JsonNode> resumed = client.route("events").data(Map.of("from_position", lastSeen))
                .retrieveFlux(JsonNode.class).take(rest.size()).collectList().block(Duration.ofSeconds(60));
        assertThat(resumed).extracting(m -> m.path("position").asLong()).containsExactlyElementsOf(rest);
        assertThat(client.route("events").data(Map.of("from_position", rest.get(rest.size() - 1)))
                .retrieveFlux(JsonNode.class).take(Duration.ofSeconds(1)).collectList().block()).isEmpty();
        client.dispose();
    }

    @Test
    void subscriptionsCloseWhenTheClientGoesAway() {
        User user = register();
        int before = feed.subscribers();
        RSocketRequester client = LiveClients.tcp(strategies, tcpPort, user.accessToken());
        List<reactor.core.Disposable> streams = new ArrayList<>();
        for (String route : List.of("runs", "approvals", "events", "audit", "workflows")) {
            streams.add(client.route(route).retrieveFlux(JsonNode.class).subscribe());
        }
        eventually(() -> feed.subscribers() >= before + streams.size());

        client.dispose();

        eventually(() -> feed.subscribers() <= before);
    }

    /** Updates the goals from several writers at once; answers the most events the feed held meanwhile. */
    private int flood(User user, List<String> goals) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        AtomicInteger maxBuffered = new AtomicInteger();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String goal : goals) {
                done.add(writers.submit(() -> {
                    for (int i = 0; i < UPDATES_PER_WRITER; i++) {
                        GoalChanges changes = new GoalChanges("Edit " + i, null, null, null, null, null, null,
                                null, null);
                        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new UpdateGoal(goal,
                                user.tenantId(), user.id(), null, changes)).andMetaData(Map.of("tenant_id",
                                user.tenantId(), "user_id", user.id())));
                        maxBuffered.accumulateAndGet(feed.buffered(), Math::max);
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get(120, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }
        return maxBuffered.get();
    }
}
