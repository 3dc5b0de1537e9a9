package io.agentledger.projection.support;

/**
 * Text made to fit a column: PostgreSQL refuses the NUL character in text and jsonb, and a value
 * longer than its column fails the whole write. An audit trail must record the request that carried
 * such a value, so the value is made to fit instead.
 */
public final class Text {

    public static final char REPLACEMENT = '\uFFFD';

    private Text() {
    }

    /** The bound of text a process, tool or server wrote into an unbounded column. */
    public static final int MAX_FOREIGN_TEXT = 100_000;

    /** Text that came from outside (a process's output, a tool's error): fitted to {@link #MAX_FOREIGN_TEXT}. */
    public static String foreign(String value) {
        return fit(value, MAX_FOREIGN_TEXT);
    }

    /** {@code value} with NUL replaced and cut to at most {@code max} characters (never inside a surrogate pair). */
    public static String fit(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = value.indexOf('\0') < 0 ? value : value.replace('\0', REPLACEMENT);
        if (clean.length() <= max) {
            return clean;
        }
        int end = Character.isHighSurrogate(clean.charAt(max - 1)) ? max - 1 : max;
        return clean.substring(0, end);
    }
}
