package io.agentledger.command.run.runtime;

import io.agentledger.kernel.error.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The models and providers this service can run agents with (seed 002's shapes). */
@RestController
@RequestMapping({"/api/v1", "/api"})
public class ModelCatalogController {

    static final Map<String, String> PROVIDERS = new LinkedHashMap<>(Map.of());

    static {
        PROVIDERS.put("offline", "Offline (no network)");
        PROVIDERS.put("openai", "OpenAI");
        PROVIDERS.put("azure", "Azure OpenAI");
        PROVIDERS.put("anthropic", "Anthropic");
        PROVIDERS.put("ollama", "Ollama");
    }

    private static final LlmProperties.Model OFFLINE_MODEL = new LlmProperties.Model(OfflineAgentRuntime.MODEL,
            "Offline: MiniLM intent routing and plan templates", LlmProperties.OFFLINE, 256, false, false, null, null);

    private final LlmProperties properties;

    public ModelCatalogController(LlmProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/models")
    public Map<String, Object> models(@RequestParam(required = false) String provider) {
        if (provider != null && !PROVIDERS.containsKey(provider)) {
            throw DomainException.invalid("provider must be one of " + String.join(", ", PROVIDERS.keySet()));
        }
        List<Map<String, Object>> models = new ArrayList<>();
        for (LlmProperties.Model model : catalogue()) {
            if (provider == null || provider.equals(model.provider())) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", model.id());
                item.put("name", model.name());
                item.put("provider", model.provider());
                item.put("context_window", model.contextWindow());
                item.put("supports_vision", model.supportsVision());
                item.put("supports_function_calling", model.supportsFunctionCalling());
                models.add(item);
            }
        }
        return Map.of("models", models);
    }

    @GetMapping("/providers")
    public Map<String, Object> providers() {
        List<Map<String, Object>> providers = new ArrayList<>();
        PROVIDERS.forEach((id, name) -> providers.add(Map.of("id", id, "name", name,
                "configured", id.equals(LlmProperties.OFFLINE) || properties.providers().containsKey(id),
                "models_count", catalogue().stream().filter(m -> m.provider().equals(id)).count())));
        return Map.of("providers", providers, "default_model", defaultModel(), "active_provider",
                properties.provider());
    }

    private String defaultModel() {
        if (LlmProperties.OFFLINE.equals(properties.provider())) {
            return OfflineAgentRuntime.MODEL;
        }
        LlmProperties.Connection connection = properties.providers().get(properties.provider());
        return connection == null ? null
                : properties.provider().equals("azure") ? connection.deployment() : connection.model();
    }

    private List<LlmProperties.Model> catalogue() {
        List<LlmProperties.Model> all = new ArrayList<>(List.of(OFFLINE_MODEL));
        all.addAll(properties.models());
        return all;
    }
}
