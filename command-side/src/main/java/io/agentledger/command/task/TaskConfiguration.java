package io.agentledger.command.task;

import io.agentledger.command.task.engine.TaskWorkQueue;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class TaskConfiguration {

    /** Tasks enter and leave the work queue in the same transaction as the events that cause it. */
    @Bean
    public ConfigurerModule taskWorkQueueIsSubscribing() {
        return configurer -> configurer.eventProcessing().registerSubscribingEventProcessor(TaskWorkQueue.GROUP);
    }
}
