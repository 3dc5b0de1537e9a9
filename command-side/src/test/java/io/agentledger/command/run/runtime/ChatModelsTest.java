package io.agentledger.command.run.runtime;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.azure.AzureOpenAiChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Building a provider's client from configuration; nothing here opens a connection. */
class ChatModelsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void eachProviderGetsItsOwnClient() {
        assertThat(ChatModels.create("openai", new LlmProperties.Connection("http://127.0.0.1:1/v1", "k",
                "gpt-4o-mini", null, null), TIMEOUT)).isInstanceOf(OpenAiChatModel.class);
        assertThat(ChatModels.create("anthropic", new LlmProperties.Connection("http://127.0.0.1:1/v1/", "k",
                "claude-3-5-sonnet-20241022", null, null), TIMEOUT)).isInstanceOf(AnthropicChatModel.class);
        assertThat(ChatModels.create("ollama", new LlmProperties.Connection("http://127.0.0.1:1", null,
                "llama3.1", null, null), TIMEOUT)).isInstanceOf(OllamaChatModel.class);
        assertThat(ChatModels.create("azure", new LlmProperties.Connection(null, "k", null,
                "https://example.openai.azure.com/", "gpt-4o"), TIMEOUT)).isInstanceOf(AzureOpenAiChatModel.class);
    }

    @Test
    void anUnknownProviderIsAClearConfigurationError() {
        assertThatThrownBy(() -> ChatModels.create("skynet", new LlmProperties.Connection(null, null, null, null,
                null), TIMEOUT)).hasMessageContaining("Unknown LLM provider skynet");
    }

    @Test
    void theOfflineRuntimeIsTheDefaultAndAFallbackWrapsThePrimary() {
        LlmProperties offline = new LlmProperties(null, null, null, null, null, null, null);
        assertThat(offline.provider()).isEqualTo("offline");
        LlmProperties withFallback = new LlmProperties("openai", "offline", 2, null, null, Map.of("openai",
                new LlmProperties.Connection("http://127.0.0.1:1/v1", "k", "gpt-4o-mini", null, null)), List.of());
        assertThat(new RuntimeConfiguration().agentRuntime(withFallback)).isInstanceOf(FallbackAgentRuntime.class)
                .extracting(AgentRuntime::provider).isEqualTo("openai");
        assertThatThrownBy(() -> new RuntimeConfiguration().agentRuntime(new LlmProperties("anthropic", null, null,
                null, null, Map.of(), List.of()))).hasMessageContaining("agentledger.llm.providers.anthropic");
    }
}
