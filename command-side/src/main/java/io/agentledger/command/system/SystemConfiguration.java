package io.agentledger.command.system;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class SystemConfiguration {

    @Bean
    public ConfigurerModule systemSettingsAreSubscribing() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(SystemSettingsUpdater.GROUP)
                .registerSubscribingEventProcessor(PlatformAdmins.GROUP);
    }
}
