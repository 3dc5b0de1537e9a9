package io.agentledger.command.memory;

import io.agentledger.command.run.runtime.ChatModels;
import io.agentledger.command.run.runtime.LlmProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** With a model configured ({@code agentledger.llm.provider}), it extracts; offline, the heuristics do. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MemoryProperties.class)
public class MemoryConfiguration {

    @Bean
    public DocumentExtractor documentExtractor(LlmProperties llm) {
        if (LlmProperties.OFFLINE.equals(llm.provider())) {
            return new HeuristicExtractor();
        }
        LlmProperties.Connection connection = llm.connection(llm.provider());
        String model = "azure".equals(llm.provider()) ? connection.deployment() : connection.model();
        return new LlmExtractor(ChatModels.create(llm.provider(), connection, llm.timeout()), llm.provider(), model);
    }
}
