package io.agentledger.projection.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into passages the embedding model reads whole (all-MiniLM-L6-v2 reads 256 word pieces,
 * about 1,000 characters), cut at sentence or word ends, overlapping so no sentence is lost at a seam.
 * The title leads the first passage.
 */
public final class Chunker {

    static final int SIZE = 800;
    static final int OVERLAP = 120;
    static final int MAX_CHUNKS = 64;

    private Chunker() {
    }

    public static List<String> chunks(String title, String content) {
        String text = content == null ? "" : content.strip();
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (start < text.length() && chunks.size() < MAX_CHUNKS) {
            int end = Math.min(text.length(), start + SIZE);
            if (end < text.length()) {
                end = cut(text, start, end);
            }
            chunks.add(text.substring(start, end).strip());
            if (end >= text.length()) {
                break;
            }
            int next = Math.max(start + 1, end - OVERLAP);
            while (next < end && !Character.isWhitespace(text.charAt(next - 1))) {
                next++;
            }
            start = next;
        }
        if (title != null && !title.isBlank()) {
            if (chunks.isEmpty()) {
                chunks.add(title.strip());
            } else {
                chunks.set(0, title.strip() + "\n" + chunks.get(0));
            }
        }
        return chunks;
    }

    /** The last sentence end, else the last space, in the second half of the window. */
    private static int cut(String text, int start, int end) {
        int half = start + SIZE / 2;
        for (int i = end; i > half; i--) {
            char c = text.charAt(i - 1);
            if ((c == '.' || c == '!' || c == '?' || c == '\n') && Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        for (int i = end; i > half; i--) {
            if (Character.isWhitespace(text.charAt(i - 1))) {
                return i;
            }
        }
        return end;
    }
}
