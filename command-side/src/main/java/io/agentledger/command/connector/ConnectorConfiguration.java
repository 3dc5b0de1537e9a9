package io.agentledger.command.connector;

import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConnectorProperties.class)
public class ConnectorConfiguration {

    @Bean
    public ConfigurerModule connectorTokensAreSubscribing() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(ConnectorTokenUpdater.GROUP);
    }

    /** Syncs run here, off the request thread; few at a time. */
    @Bean(destroyMethod = "shutdownNow")
    public ExecutorService connectorSyncs() {
        return Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "connector-sync");
            thread.setDaemon(true);
            return thread;
        });
    }
}
