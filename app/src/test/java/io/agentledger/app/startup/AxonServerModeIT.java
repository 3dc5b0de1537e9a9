package io.agentledger.app.startup;

import io.agentledger.app.support.StandaloneService;
import io.agentledger.axon.eventstore.chain.ChainReader;
import io.agentledger.axon.eventstore.chain.ChainVerifier;
import io.agentledger.axon.eventstore.chain.ChainVerifier.Verification;
import io.agentledger.kernel.audit.RequestRejected;
import io.agentledger.query.live.EventFeed;
import io.agentledger.query.live.FeedEvent;
import io.agentledger.query.live.FeedFilter;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code AXON_SERVER} set (as docker-compose does), events still go to the PostgreSQL store that
 * the hash chain, export and live feed read: verify never answers over an empty store while the
 * events live elsewhere. No Axon Server runs here, so the service points at a closed port.
 */
class AxonServerModeIT {

    @Test
    void eventsStayInThePostgresStoreThatTheAuditProofsRead() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (ConfigurableApplicationContext service = StandaloneService.startOn("axon_server_mode", null,
                "--AXON_SERVER=127.0.0.1:" + closed)) {
            assertThat(service.getEnvironment().getProperty("axon.axonserver.enabled")).isEqualTo("true");
            EventStore store = service.getBean(EventStore.class);
            assertThat(store).isNotInstanceOf(AxonServerEventStore.class);

            String marker = "axon-server-mode-" + System.nanoTime();
            store.publish(GenericEventMessage.asEventMessage(new RequestRejected("tenant_axon", "user_axon", "POST",
                    "/" + marker, 403, "FORBIDDEN", "probe")).andMetaData(Map.of("tenant_id", "tenant_axon")));

            // the chain reader reads what the sealer has chained, a moment after the commit
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
                List<String> seen = new ArrayList<>();
                service.getBean(ChainReader.class).forEachOfTenant("tenant_axon", null, null, (event, linkBefore) ->
                        seen.add(new String(event.payload(), java.nio.charset.StandardCharsets.UTF_8)));
                assertThat(seen).anyMatch(payload -> payload.contains(marker));
            });
            List<FeedEvent> live = service.getBean(EventFeed.class).stream(0, FeedFilter.tenant("tenant_axon"))
                    .take(1).collectList().block(java.time.Duration.ofSeconds(30));
            assertThat(live).as("the live feed reads the same store").hasSize(1);
            assertThat(live.get(0).position()).isPositive();
            Verification verified = service.getBean(ChainVerifier.class).verify(null, null);
            assertThat(verified.ok()).as(String.valueOf(verified.broken())).isTrue();
            assertThat(verified.eventsChecked()).isPositive();
        }
    }
}
