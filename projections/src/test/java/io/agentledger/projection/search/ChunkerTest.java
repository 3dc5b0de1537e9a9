package io.agentledger.projection.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChunkerTest {

    @Test
    void shortTextIsOnePassageLedByTheTitle() {
        assertThat(Chunker.chunks("Title", "Short body.")).containsExactly("Title\nShort body.");
        assertThat(Chunker.chunks("Only a title", "")).containsExactly("Only a title");
        assertThat(Chunker.chunks(null, "   ")).isEmpty();
    }

    @Test
    void longTextIsCutAtSentenceEndsWithinTheSizeAndOverlaps() {
        String sentence = "Sentence number %d talks about something worth remembering. ";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            text.append(sentence.formatted(i));
        }
        List<String> chunks = Chunker.chunks(null, text.toString());
        assertThat(chunks).hasSizeGreaterThan(3);
        chunks.forEach(chunk -> {
            assertThat(chunk.length()).isLessThanOrEqualTo(Chunker.SIZE);
            assertThat(chunk).endsWith(".");
        });
        for (int i = 1; i < chunks.size(); i++) {
            String previousEnd = chunks.get(i - 1).substring(chunks.get(i - 1).length() - 40);
            assertThat(chunks.get(i)).as("passage %d overlaps the one before", i).contains(previousEnd.substring(20));
        }
        assertThat(String.join(" ", chunks)).contains("Sentence number 59");
    }

    @Test
    void theNumberOfPassagesIsBounded() {
        assertThat(Chunker.chunks(null, "word ".repeat(100_000))).hasSize(Chunker.MAX_CHUNKS);
    }
}
