package io.agentledger.command.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentledger.kernel.connector.SyncedItem;

import java.util.ArrayList;
import java.util.List;

/**
 * The items of a sync answer ({@code {"items": [...]}}) as the events keep them: at most {@link #MAX_ITEMS},
 * each with its id, type, title (or subject, summary), labels (or labelIds) and text (snippet, body or
 * description) cut to {@link #MAX_TEXT} characters.
 */
final class SyncedItems {

    static final int MAX_ITEMS = 100;
    static final int MAX_TEXT = 2000;
    private static final int MAX_LABELS = 20;

    private SyncedItems() {
    }

    static List<SyncedItem> of(JsonNode answer) {
        List<SyncedItem> items = new ArrayList<>();
        for (JsonNode item : answer.path("items")) {
            if (items.size() == MAX_ITEMS) {
                break;
            }
            List<String> labels = new ArrayList<>();
            JsonNode labelNode = item.has("labels") ? item.path("labels") : item.path("labelIds");
            labelNode.forEach(label -> {
                if (labels.size() < MAX_LABELS) {
                    labels.add(cut(label.asText(), 100));
                }
            });
            items.add(new SyncedItem(cut(first(item, "id"), 200), cut(first(item, "type", "event_type", "kind"), 100),
                    cut(first(item, "title", "subject", "summary"), 500), labels,
                    cut(first(item, "text", "snippet", "body", "description"), MAX_TEXT)));
        }
        return items;
    }

    private static String first(JsonNode item, String... fields) {
        for (String field : fields) {
            if (item.path(field).isValueNode()) {
                return item.path(field).asText();
            }
        }
        return null;
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = text.replace('\0', '\uFFFD');
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
