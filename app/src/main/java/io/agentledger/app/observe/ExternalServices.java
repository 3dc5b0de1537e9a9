package io.agentledger.app.observe;

import io.agentledger.command.connector.ConnectorProperties;
import io.agentledger.command.run.runtime.LlmProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seed 003's external services with status and response time: every configured LLM provider, OAuth
 * provider and Axon Server (a TCP connect to its host, remembered for {@link #REMEMBERED} so health
 * checks do not hammer them). The offline runtime is in-process. PostgreSQL is the health check's.
 */
@Component
public class ExternalServices {

    static final Duration REMEMBERED = Duration.ofSeconds(30);
    private static final int CONNECT_TIMEOUT_MS = 2000;

    private final Clock clock;
    private final Map<String, URI> remote = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> lastProbe = new ConcurrentHashMap<>();

    public ExternalServices(Clock clock, LlmProperties llm, ConnectorProperties connectors,
                            Environment environment) {
        this.clock = clock;
        for (String provider : new String[]{llm.provider(), llm.fallback()}) {
            if (provider != null && !LlmProperties.OFFLINE.equals(provider)) {
                LlmProperties.Connection connection = llm.providers().get(provider);
                String url = connection == null ? null
                        : connection.endpoint() != null && !connection.endpoint().isBlank() ? connection.endpoint()
                        : connection.baseUrl();
                if (url != null && !url.isBlank()) {
                    remote.put("llm:" + provider, URI.create(url));
                }
            }
        }
        connectors.providers().forEach((name, provider) -> {
            if (provider.tokenUrl() != null) {
                remote.put("oauth:" + name, provider.tokenUrl());
            }
        });
        String axonServer = environment.getProperty("AXON_SERVER");
        if (axonServer != null && !axonServer.isBlank()) {
            remote.put("axon-server", URI.create("tcp://" + axonServer.split(",")[0].trim()));
        }
    }

    /** Each with name, status (online, offline or degraded), response_time (ms) and last_check. */
    public List<Map<String, Object>> check() {
        List<Map<String, Object>> services = new ArrayList<>();
        remote.forEach((name, uri) -> services.add(remembered(name, uri)));
        if (remote.keySet().stream().noneMatch(name -> name.startsWith("llm:"))) {
            services.add(status("llm:offline", "online", 0L, clock.instant()));
        }
        return services;
    }

    private Map<String, Object> remembered(String name, URI uri) {
        Map<String, Object> last = lastProbe.get(name);
        if (last != null && ((Instant) last.get("last_check")).plus(REMEMBERED).isAfter(clock.instant())) {
            return last;
        }
        Map<String, Object> probed = probe(name, uri);
        lastProbe.put(name, probed);
        return probed;
    }

    private Map<String, Object> probe(String name, URI uri) {
        int port = uri.getPort() > 0 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), CONNECT_TIMEOUT_MS);
            return status(name, "online", (System.nanoTime() - start) / 1_000_000, clock.instant());
        } catch (Exception e) {
            return status(name, "offline", (System.nanoTime() - start) / 1_000_000, clock.instant());
        }
    }

    static Map<String, Object> status(String name, String status, Long millis, Instant at) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("name", name);
        service.put("status", status);
        service.put("response_time", millis);
        service.put("last_check", at);
        return service;
    }
}
