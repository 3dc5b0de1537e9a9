package io.agentledger.command.run.runtime;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.azure.AzureOpenAiChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

import java.time.Duration;

/** LangChain4j chat models by provider name; retries are ours, so the clients make none of their own. */
public final class ChatModels {

    private ChatModels() {
    }

    public static ChatModel create(String provider, LlmProperties.Connection c, Duration timeout) {
        return switch (provider) {
            case "openai" -> OpenAiChatModel.builder().baseUrl(c.baseUrl()).apiKey(c.apiKey()).modelName(c.model())
                    .timeout(timeout).maxRetries(0).build();
            case "azure" -> AzureOpenAiChatModel.builder().endpoint(c.endpoint()).apiKey(c.apiKey())
                    .deploymentName(c.deployment()).timeout(timeout).maxRetries(0).build();
            case "anthropic" -> AnthropicChatModel.builder().baseUrl(c.baseUrl()).apiKey(c.apiKey())
                    .modelName(c.model()).timeout(timeout).maxRetries(0).build();
            case "ollama" -> OllamaChatModel.builder().maxRetries(0).baseUrl(c.baseUrl()).modelName(c.model())
                    .timeout(timeout).build();
            default -> throw new IllegalStateException("Unknown LLM provider " + provider
                    + "; use offline, openai, azure, anthropic or ollama");
        };
    }
}
