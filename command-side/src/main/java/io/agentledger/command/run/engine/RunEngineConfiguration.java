package io.agentledger.command.run.engine;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class RunEngineConfiguration {

    @Bean
    public ConfigurerModule runWorkQueueIsSubscribing() {
        return configurer -> configurer.eventProcessing().registerSubscribingEventProcessor(RunWorkQueue.GROUP);
    }
}
