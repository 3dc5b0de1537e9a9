package io.agentledger.command.memory;

import io.agentledger.kernel.memory.DocumentContent;
import io.agentledger.kernel.memory.EntityMention;
import io.agentledger.kernel.memory.Extraction;
import io.agentledger.kernel.memory.Sensitivity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExtractorsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static DocumentContent doc(String uri, String app, String title, String content,
                                       Map<String, Object> metadata, List<String> tags) {
        return new DocumentContent(uri, app, "boss@initech.com", title, content, null, null, "h", metadata,
                Sensitivity.INTERNAL, null, tags);
    }

    @Test
    void theHeuristicsTellTheEpisodeTypeAndFindPeopleOrganizationsProjectsAndTopics() {
        Extraction mail = new HeuristicExtractor().extract(doc("gmail://message/1", "gmail", "Project Atlas",
                "Hello. Loop in ann@initech.com and bob@gmail.com about Project Atlas.",
                Map.of("date", "2025-12-24T10:00:00Z"), List.of("Planning")), NOW);
        assertThat(mail.episode().type()).isEqualTo("email");
        assertThat(mail.episode().occurredAt()).isEqualTo(Instant.parse("2025-12-24T10:00:00Z"));
        assertThat(mail.episode().summary()).isEqualTo("Hello.");
        assertThat(mail.episode().participants()).containsExactly("boss@initech.com", "ann@initech.com",
                "bob@gmail.com");
        assertThat(mail.entities()).contains(new EntityMention("person", "ann@initech.com"),
                new EntityMention("organization", "initech.com"), new EntityMention("project", "Atlas"),
                new EntityMention("topic", "planning")).doesNotContain(new EntityMention("organization", "gmail.com"));
        assertThat(mail.extractor()).isEqualTo("heuristic");

        HeuristicExtractor extractor = new HeuristicExtractor();
        assertThat(extractor.extract(doc("notes://1", "zoom", "Retro", "x", null, List.of()), NOW).episode().type())
                .isEqualTo("meeting");
        assertThat(extractor.extract(doc("notes://2", "notes", "Weekly meeting", "x", null, List.of()), NOW)
                .episode().type()).isEqualTo("meeting");
        assertThat(extractor.extract(doc("notes://3", "notes", "Call with vendor", "x", null, List.of()), NOW)
                .episode().type()).isEqualTo("call");
        assertThat(extractor.extract(doc("notes://4", "notes", "Ideas", "x", null, List.of()), NOW).episode()
                .type()).isEqualTo("note");
        assertThat(extractor.extract(doc("notes://5", "notes", "Ideas", "x", null, List.of()), NOW).episode()
                .occurredAt()).isEqualTo(NOW);
    }

    @Test
    void aModelReplyIsReadStrictlyAndOutOfVocabularyEntitiesAreDropped() {
        LlmExtractor extractor = new LlmExtractor(null, "openai", "gpt-test");
        Extraction parsed = extractor.parse("```json\n{\"episode\": {\"type\": \"meeting\", \"title\": \"Kickoff\", "
                + "\"participants\": [\"Ann\", 3]}, \"entities\": [{\"type\": \"person\", \"name\": \"Ann\"}, "
                + "{\"type\": \"weather\", \"name\": \"Rain\"}]}\n```", NOW);
        assertThat(parsed.episode().type()).isEqualTo("meeting");
        assertThat(parsed.episode().participants()).containsExactly("Ann");
        assertThat(parsed.entities()).containsExactly(new EntityMention("person", "Ann"));
        assertThat(parsed.extractor()).isEqualTo("openai:gpt-test");
        assertThatThrownBy(() -> extractor.parse("{\"episode\": {\"type\": \"party\"}}", NOW))
                .hasMessageContaining("party");
        assertThatThrownBy(() -> extractor.parse("not json", NOW)).hasMessageContaining("not JSON");
    }
}
