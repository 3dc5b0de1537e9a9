package io.agentledger.command.memory;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extractor's patterns do bounded work per character, whatever the input: measured in characters
 * the regex engine reads (deterministic), not in time.
 */
class BoundedPatternsTest {

    /** Counts every character the regex engine reads. */
    private static final class CountingText implements CharSequence {
        private final String text;
        private long reads;

        CountingText(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private static long readsPerCharacter(Pattern pattern, String input) {
        CountingText text = new CountingText(input);
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            matcher.group();
        }
        return text.reads / input.length();
    }

    @Test
    void addressLikeRunsWithoutADomainAreScannedInLinearTime() {
        String noDomain = "a".repeat(20_000) + "@" + "b".repeat(20_000);
        String dotsWithoutTld = ("a.".repeat(5_000) + "@" + "b-".repeat(5_000) + ".").repeat(2);
        assertThat(readsPerCharacter(HeuristicExtractor.EMAIL, noDomain)).isLessThan(200);
        assertThat(readsPerCharacter(HeuristicExtractor.EMAIL, dotsWithoutTld)).isLessThan(200);
    }

    @Test
    void projectNamesAreScannedInLinearTime() {
        String spaces = ("project" + " ".repeat(20_000) + "x").repeat(2);
        String words = "Project " + "A".repeat(20_000) + " " + "B-".repeat(10_000);
        assertThat(readsPerCharacter(HeuristicExtractor.PROJECT, spaces)).isLessThan(200);
        assertThat(readsPerCharacter(HeuristicExtractor.PROJECT, words)).isLessThan(200);
    }

    @Test
    void ordinaryAddressesAndProjectsStillMatch() {
        Matcher email = HeuristicExtractor.EMAIL.matcher("mail alice.smith+x@mail.example.co.uk and bob@acme.io.");
        assertThat(email.find()).isTrue();
        assertThat(email.group()).isEqualTo("alice.smith+x@mail.example.co.uk");
        assertThat(email.find()).isTrue();
        assertThat(email.group()).isEqualTo("bob@acme.io");
        Matcher project = HeuristicExtractor.PROJECT.matcher("Kick-off of Project Apollo Moon today");
        assertThat(project.find()).isTrue();
        assertThat(project.group(1)).isEqualTo("Apollo Moon");
    }

    @Test
    void theOldPatternWasQuadraticOnTheSameInput() {
        Pattern old = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
        assertThat(readsPerCharacter(old, "a".repeat(4_000) + "@" + "b".repeat(4_000))).isGreaterThan(1_000);
    }
}
