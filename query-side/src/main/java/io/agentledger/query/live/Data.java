package io.agentledger.query.live;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a message's {@code data}, in the order fields are put. */
final class Data {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    static Data of(String key, Object value) {
        return new Data().with(key, value);
    }

    /** The fields of the stored payload (snake_case, as stored), under the same names. */
    static Data from(FeedEvent event, String... names) {
        Data data = new Data();
        for (String name : names) {
            data.with(name, event.json().get(name));
        }
        return data;
    }

    Data with(String key, Object value) {
        fields.put(key, value instanceof JsonNode node && node.isNull() ? null : value);
        return this;
    }

    Data withAll(Map<String, Object> more) {
        fields.putAll(more);
        return this;
    }

    Map<String, Object> map() {
        return fields;
    }
}
