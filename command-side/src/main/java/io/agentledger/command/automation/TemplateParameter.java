package io.agentledger.command.automation;

import io.agentledger.kernel.error.DomainException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A template's typed parameter: string (with its allowed values), integer, number, boolean or array of strings. */
record TemplateParameter(String type, String description, List<String> allowed, Number minimum, Number maximum,
                         Object defaultValue) {

    static TemplateParameter choice(String description, List<String> allowed, String defaultValue) {
        return new TemplateParameter("string", description, allowed, null, null, defaultValue);
    }

    static TemplateParameter integer(String description, int minimum, int maximum, int defaultValue) {
        return new TemplateParameter("integer", description, null, minimum, maximum, defaultValue);
    }

    static TemplateParameter number(String description, double minimum, double maximum, double defaultValue) {
        return new TemplateParameter("number", description, null, minimum, maximum, defaultValue);
    }

    static TemplateParameter flag(String description, boolean defaultValue) {
        return new TemplateParameter("boolean", description, null, null, null, defaultValue);
    }

    static TemplateParameter choices(String description, List<String> allowed, List<String> defaultValue) {
        return new TemplateParameter("array", description, allowed, null, null, defaultValue);
    }

    /** The value checked against the type, or the default when absent; 422 naming the parameter otherwise. */
    Object check(String name, Object value) {
        if (value == null) {
            return defaultValue;
        }
        switch (type) {
            case "string" -> {
                if (!(value instanceof String text) || allowed != null && !allowed.contains(text)) {
                    throw invalid(name, "one of " + allowed);
                }
                return text;
            }
            case "integer" -> {
                if (!(value instanceof Integer || value instanceof Long)
                        || ((Number) value).longValue() < minimum.longValue()
                        || ((Number) value).longValue() > maximum.longValue()) {
                    throw invalid(name, "an integer from " + minimum + " to " + maximum);
                }
                return ((Number) value).longValue();
            }
            case "number" -> {
                if (!(value instanceof Number number) || number.doubleValue() < minimum.doubleValue()
                        || number.doubleValue() > maximum.doubleValue()) {
                    throw invalid(name, "a number from " + minimum + " to " + maximum);
                }
                return number.doubleValue();
            }
            case "boolean" -> {
                if (!(value instanceof Boolean flag)) {
                    throw invalid(name, "true or false");
                }
                return flag;
            }
            default -> {
                if (!(value instanceof List<?> list) || list.size() > allowed.size()
                        || !list.stream().allMatch(allowed::contains)) {
                    throw invalid(name, "a list of " + allowed);
                }
                return new ArrayList<>(list);
            }
        }
    }

    Map<String, Object> schema() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type);
        if (allowed != null) {
            schema.put(type.equals("array") ? "items" : "enum", type.equals("array")
                    ? Map.of("type", "string", "enum", allowed) : allowed);
        }
        if (minimum != null) {
            schema.put("minimum", minimum);
            schema.put("maximum", maximum);
        }
        schema.put("description", description);
        schema.put("default", defaultValue);
        return schema;
    }

    private static DomainException invalid(String name, String expected) {
        return DomainException.invalid("workflow.parameters." + name + " must be " + expected);
    }
}
