package io.agentledger.command.workflow;

import io.agentledger.command.workflow.engine.WorkflowWorkQueue;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class WorkflowConfiguration {

    /** Executions enter and leave the work queue in the same transaction as the events that cause it. */
    @Bean
    public ConfigurerModule workflowWorkQueueIsSubscribing() {
        return configurer -> configurer.eventProcessing().registerSubscribingEventProcessor(WorkflowWorkQueue.GROUP);
    }
}
