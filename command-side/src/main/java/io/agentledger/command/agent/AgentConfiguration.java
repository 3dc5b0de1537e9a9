package io.agentledger.command.agent;

import io.agentledger.command.agent.build.AgentPackageLimits;
import io.agentledger.command.agent.sandbox.SandboxLimits;
import io.agentledger.command.agent.work.AgentWorkQueue;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AgentPackageLimits.class, SandboxLimits.class})
public class AgentConfiguration {

    /** Work enters and leaves the queue in the same transaction as the events that cause it. */
    @Bean
    public ConfigurerModule agentWorkQueueIsSubscribing() {
        return configurer -> configurer.eventProcessing().registerSubscribingEventProcessor(AgentWorkQueue.GROUP);
    }
}
