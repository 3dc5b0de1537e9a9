package io.agentledger.command.credential;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class CredentialConfiguration {

    @Bean
    public ConfigurerModule credentialKeysAreSubscribing() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(CredentialKeysUpdater.GROUP);
    }
}
