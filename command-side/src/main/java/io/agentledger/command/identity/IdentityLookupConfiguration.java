package io.agentledger.command.identity;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class IdentityLookupConfiguration {

    @Bean
    public ConfigurerModule identityLookupIsSubscribing() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(IdentityLookupUpdater.GROUP);
    }
}
