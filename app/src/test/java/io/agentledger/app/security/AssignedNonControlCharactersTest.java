package io.agentledger.app.security;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class AssignedNonControlCharactersTest {

    /** The expression StrictHttpFirewall uses by default for header names and values. */
    private static final Pattern FIREWALL = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @Test
    void agreesWithTheFirewallsExpressionOnEveryKindOfCharacter() {
        Random random = new Random(42);
        for (int sample = 0; sample < 200_000; sample++) {
            StringBuilder value = new StringBuilder("Bearer ");
            int length = random.nextInt(6);
            for (int i = 0; i < length; i++) {
                int codePoint = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(0x100);
                    case 1 -> random.nextInt(0x10000);
                    case 2 -> random.nextInt(Character.MAX_CODE_POINT + 1);
                    default -> 0xD800 + random.nextInt(0x800);
                };
                value.appendCodePoint(codePoint);
            }
            String text = value.toString();
            assertThat(AssignedNonControlCharacters.INSTANCE.test(text)).as("%s", text.codePoints().toArray())
                    .isEqualTo(FIREWALL.matcher(text).matches());
        }
    }

    @Test
    void refusesControlCharactersAndUnassignedCodePointsAndAcceptsTokens() {
        assertThat(AssignedNonControlCharacters.INSTANCE.test("Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig-_")).isTrue();
        assertThat(AssignedNonControlCharacters.INSTANCE.test("")).isTrue();
        assertThat(AssignedNonControlCharacters.INSTANCE.test("café ☕")).isTrue();
        assertThat(AssignedNonControlCharacters.INSTANCE.test("a\rb")).isFalse();
        assertThat(AssignedNonControlCharacters.INSTANCE.test("a\u0000")).isFalse();
        assertThat(AssignedNonControlCharacters.INSTANCE.test("\u0085")).isFalse();
        assertThat(AssignedNonControlCharacters.INSTANCE.test("\u0378")).isFalse();
    }
}
