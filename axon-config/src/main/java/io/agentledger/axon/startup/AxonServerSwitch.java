package io.agentledger.axon.startup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;

/**
 * Axon Server is used only when {@code AXON_SERVER} names it ({@code host:port[,host:port]}), and then
 * for routing commands and queries only: the event store stays the one in PostgreSQL in every mode,
 * since the hash chain, its checkpoints, the export, the history and the live feed read it there.
 */
public class AxonServerSwitch implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String servers = environment.getProperty("AXON_SERVER");
        Map<String, Object> properties = new HashMap<>();
        if (servers == null || servers.isBlank()) {
            properties.put("axon.axonserver.enabled", "false");
        } else {
            properties.put("axon.axonserver.enabled", "true");
            properties.put("axon.axonserver.servers", servers.trim());
            properties.put("axon.axonserver.event-store.enabled", "false");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("agentledger-axon-server", properties));
    }
}
