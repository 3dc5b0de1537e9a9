package io.agentledger.command.run.runtime;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class RuntimeConfiguration {

    @Bean
    @ConditionalOnMissingBean(AgentRuntime.class)
    public AgentRuntime offlineAgentRuntime() {
        return new OfflineAgentRuntime();
    }
}
