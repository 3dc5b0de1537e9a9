package io.agentledger.command.run.runtime;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code agentledger.llm}: which provider runs the agents ({@code offline} unless set), how its calls
 * are retried, the fallback when it keeps failing, each provider's connection, and the model catalogue
 * with per-model prices (per 1,000 tokens).
 */
@ConfigurationProperties("agentledger.llm")
public record LlmProperties(String provider, String fallback, Integer attempts, Duration backoff, Duration timeout,
                            Map<String, Connection> providers, List<Model> models) {

    public static final String OFFLINE = "offline";

    public LlmProperties {
        provider = provider == null || provider.isBlank() ? OFFLINE : provider.trim();
        fallback = fallback == null || fallback.isBlank() ? null : fallback.trim();
        attempts = attempts == null ? 3 : attempts;
        backoff = backoff == null ? Duration.ofMillis(500) : backoff;
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        providers = providers == null ? Map.of() : providers;
        models = models == null ? List.of() : models;
    }

    /** {@code deployment} and {@code endpoint} are Azure's; the others every provider's. */
    public record Connection(String baseUrl, String apiKey, String model, String endpoint, String deployment) {
    }

    public record Model(String id, String name, String provider, Integer contextWindow, boolean supportsVision,
                        boolean supportsFunctionCalling, BigDecimal inputPricePer1k, BigDecimal outputPricePer1k) {
    }

    public Connection connection(String name) {
        Connection connection = providers.get(name);
        if (connection == null) {
            throw new IllegalStateException("agentledger.llm.providers." + name + " is not configured");
        }
        return connection;
    }
}
