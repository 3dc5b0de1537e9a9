package io.agentledger.app.database;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;

/**
 * Maps {@code DATABASE_URL} (and {@code DATABASE_USERNAME}/{@code DATABASE_PASSWORD}, which win
 * over credentials in the URL) onto the datasource. Without it the embedded PostgreSQL is used.
 */
public class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("DATABASE_URL");
        if (url == null || url.isBlank()) {
            return;
        }
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", parsed.jdbcUrl());
        putFirst(properties, "spring.datasource.username", environment.getProperty("DATABASE_USERNAME"),
                parsed.username());
        putFirst(properties, "spring.datasource.password", environment.getProperty("DATABASE_PASSWORD"),
                parsed.password());
        environment.getPropertySources().addFirst(new MapPropertySource("agentledger-database-url", properties));
    }

    private static void putFirst(Map<String, Object> properties, String key, String preferred, String fallback) {
        String value = preferred != null && !preferred.isBlank() ? preferred : fallback;
        if (value != null) {
            properties.put(key, value);
        }
    }
}
