package io.agentledger.command.automation;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class AutomationConfiguration {

    /** Automations fire for what happens from the day they exist: the trigger processor starts at the head. */
    @Bean
    public ConfigurerModule automationTriggersStartAtTheHead(
            @Value("${agentledger.processing.batch-size:100}") int batchSize) {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessorConfiguration(
                AutomationTriggers.GROUP, c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(batchSize).andInitialTrackingToken(StreamableMessageSource::createHeadToken));
    }
}
