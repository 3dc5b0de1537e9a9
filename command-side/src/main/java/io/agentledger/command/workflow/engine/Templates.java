package io.agentledger.command.workflow.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{input}}}, {@code {{input.field}}} and {@code {{nodes.<id>.output[.field…]}}} in a node's
 * text and parameters from the execution's context. {@code {{secret:NAME}}} is left as it is: only a tool
 * resolves it, as it runs, and never writes the value anywhere.
 */
public final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_:.-]*)\\s*}}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Templates() {
    }

    public static Object fill(Object value, Map<String, Object> context) {
        if (value instanceof String text) {
            return fillText(text, context);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> filled = new LinkedHashMap<>();
            map.forEach((key, item) -> filled.put(String.valueOf(key), fill(item, context)));
            return filled;
        }
        if (value instanceof List<?> list) {
            List<Object> filled = new ArrayList<>();
            list.forEach(item -> filled.add(fill(item, context)));
            return filled;
        }
        return value;
    }

    /** A text that is one placeholder and nothing else takes the value itself, not its text. */
    private static Object fillText(String text, Map<String, Object> context) {
        Matcher whole = PLACEHOLDER.matcher(text.strip());
        if (whole.matches() && !whole.group(1).startsWith("secret:")) {
            return resolve(whole.group(1), context);
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String path = matcher.group(1);
            String replacement = path.startsWith("secret:") ? matcher.group() : text(resolve(path, context));
            matcher.appendReplacement(filled, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    static Object resolve(String path, Map<String, Object> context) {
        Object value = context;
        for (String part : path.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        return value;
    }

    static String text(Object value) {
        if (value == null || value instanceof String) {
            return value == null ? "" : (String) value;
        }
        if (value instanceof Number number) {
            try {
                return new java.math.BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException notFinite) {
                return number.toString();
            }
        }
        if (value instanceof Map || value instanceof List) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                return String.valueOf(value);
            }
        }
        return String.valueOf(value);
    }
}
