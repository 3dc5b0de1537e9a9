package io.agentledger.axon.startup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;

/**
 * Axon Server is used only when {@code AXON_SERVER} names it ({@code host:port[,host:port]});
 * otherwise the event store is the JDBC one in PostgreSQL.
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
        }
        environment.getPropertySources().addFirst(new MapPropertySource("agentledger-axon-server", properties));
    }
}
