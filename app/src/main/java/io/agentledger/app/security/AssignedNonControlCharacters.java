package io.agentledger.app.security;

import java.util.function.Predicate;

/**
 * The rule Spring Security's {@code StrictHttpFirewall} applies to header names and values, every
 * character assigned in Unicode and none a control character ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}),
 * as a loop instead of a regular expression: over a long bearer token the expression cost more CPU
 * than the rest of the request's security together.
 */
final class AssignedNonControlCharacters implements Predicate<String> {

    static final AssignedNonControlCharacters INSTANCE = new AssignedNonControlCharacters();

    private AssignedNonControlCharacters() {
    }

    @Override
    public boolean test(String value) {
        int length = value.length();
        for (int i = 0; i < length; ) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                i++;
                continue;
            }
            int codePoint = value.codePointAt(i);
            if (Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.UNASSIGNED) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
