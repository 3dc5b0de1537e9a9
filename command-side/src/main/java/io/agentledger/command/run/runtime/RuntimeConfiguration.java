package io.agentledger.command.run.runtime;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class RuntimeConfiguration {

    /** {@code agentledger.llm.provider} (offline by default), wrapped by the fallback provider when one is set. */
    @Bean
    @ConditionalOnMissingBean(AgentRuntime.class)
    public AgentRuntime agentRuntime(LlmProperties properties) {
        AgentRuntime primary = runtime(properties.provider(), properties);
        return properties.fallback() == null || properties.fallback().equals(properties.provider()) ? primary
                : new FallbackAgentRuntime(primary, runtime(properties.fallback(), properties));
    }

    static AgentRuntime runtime(String provider, LlmProperties properties) {
        if (LlmProperties.OFFLINE.equals(provider)) {
            return new OfflineAgentRuntime();
        }
        LlmProperties.Connection connection = properties.connection(provider);
        String model = provider.equals("azure") ? connection.deployment() : connection.model();
        LlmProperties.Model price = properties.models().stream().filter(m -> m.id().equals(model)).findFirst()
                .orElse(null);
        return new LlmAgentRuntime(provider, model, ChatModels.create(provider, connection, properties.timeout()),
                properties.attempts(), properties.backoff(), price);
    }
}
