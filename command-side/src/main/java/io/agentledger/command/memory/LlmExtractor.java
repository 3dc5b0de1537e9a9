package io.agentledger.command.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.ChatModel;
import io.agentledger.kernel.memory.DocumentContent;
import io.agentledger.kernel.memory.EntityMention;
import io.agentledger.kernel.memory.Episode;
import io.agentledger.kernel.memory.Extraction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Asks the configured model for the episode and entities. A reply that is not the asked JSON, or a model
 * that fails, leaves the document to the heuristics, and the event records which one extracted.
 */
public class LlmExtractor implements DocumentExtractor {

    private static final Logger log = LoggerFactory.getLogger(LlmExtractor.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CONTENT = 8000;

    private final ChatModel chat;
    private final String name;
    private final HeuristicExtractor fallback = new HeuristicExtractor();

    public LlmExtractor(ChatModel chat, String provider, String model) {
        this.chat = chat;
        this.name = provider + ":" + model;
    }

    @Override
    public Extraction extract(DocumentContent document, Instant receivedAt) {
        try {
            return parse(chat.chat(prompt(document)), receivedAt);
        } catch (RuntimeException e) {
            log.warn("Model {} could not extract from {}: {}", name, document.sourceUri(), e.toString());
            return fallback.extract(document, receivedAt);
        }
    }

    static String prompt(DocumentContent document) {
        String content = document.content().length() > MAX_CONTENT ? document.content().substring(0, MAX_CONTENT)
                : document.content();
        return """
                Read this document and answer with JSON only, in this shape:
                {"episode": {"type": "email|meeting|call|note", "title": "...", "summary": "one sentence",
                 "participants": ["e-mail addresses or names"]},
                 "entities": [{"type": "person|organization|project|topic", "name": "..."}]}
                Source: %s
                App: %s
                Title: %s
                Content:
                %s""".formatted(document.sourceUri(), document.app(), document.title(), content);
    }

    Extraction parse(String reply, Instant receivedAt) {
        String json = reply.strip();
        if (json.startsWith("```")) {
            json = json.replaceAll("^```(json)?", "").replaceAll("```$", "").strip();
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("reply is not JSON", e);
        }
        JsonNode episode = root.path("episode");
        String type = episode.path("type").asText();
        if (!Episode.TYPES.contains(type)) {
            throw new IllegalArgumentException("episode type " + type + " is not one of " + Episode.TYPES);
        }
        List<String> participants = new ArrayList<>();
        episode.path("participants").forEach(p -> {
            if (p.isTextual() && !p.asText().isBlank() && participants.size() < HeuristicExtractor.MAX_PARTICIPANTS) {
                participants.add(p.asText().strip());
            }
        });
        Set<EntityMention> entities = new LinkedHashSet<>();
        root.path("entities").forEach(e -> {
            String kind = e.path("type").asText();
            String entityName = e.path("name").asText().strip();
            if (EntityMention.TYPES.contains(kind) && !entityName.isEmpty() && entityName.length() <= 200) {
                entities.add(new EntityMention(kind, entityName));
            }
        });
        return new Extraction(new Episode(type, text(episode, "title"), participants, receivedAt,
                text(episode, "summary")), entities.stream().limit(HeuristicExtractor.MAX_ENTITIES).toList(), name);
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asText(null);
        return value == null || value.isBlank() ? null : value.length() > 500 ? value.substring(0, 500) : value;
    }
}
