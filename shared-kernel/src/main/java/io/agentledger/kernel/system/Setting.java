package io.agentledger.kernel.system;

import io.agentledger.kernel.error.DomainException;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

/** One typed setting: its default and what values it takes. Values are kept as JSON-friendly scalars. */
public record Setting(String key, String type, String description, Object defaultValue, List<String> choices,
                      BigDecimal min, BigDecimal max) {

    static Setting choice(String key, String description, String defaultValue, String... choices) {
        return new Setting(key, "choice", description, defaultValue, List.of(choices), null, null);
    }

    static Setting integer(String key, String description, long defaultValue, long min, long max) {
        return new Setting(key, "integer", description, defaultValue, null, BigDecimal.valueOf(min),
                BigDecimal.valueOf(max));
    }

    static Setting decimal(String key, String description, String defaultValue, String min, String max) {
        return new Setting(key, "decimal", description, new BigDecimal(defaultValue), null, new BigDecimal(min),
                new BigDecimal(max));
    }

    static Setting duration(String key, String description, String defaultValue, String min, String max) {
        return new Setting(key, "duration", description, defaultValue, null,
                BigDecimal.valueOf(Duration.parse(min).toSeconds()), BigDecimal.valueOf(Duration.parse(max).toSeconds()));
    }

    static Setting flag(String key, String description, boolean defaultValue) {
        return new Setting(key, "boolean", description, defaultValue, null, null, null);
    }

    static Setting text(String key, String description, String defaultValue, int maxLength) {
        return new Setting(key, "string", description, defaultValue, null, null, BigDecimal.valueOf(maxLength));
    }

    /** Text (as configuration gives it) to the JSON scalar {@link #validate} expects. */
    Object parse(String text) {
        String value = text == null ? "" : text.trim();
        try {
            switch (type) {
                case "integer":
                case "decimal":
                    return new BigDecimal(value);
                case "boolean":
                    return "true".equalsIgnoreCase(value) ? Boolean.TRUE
                            : "false".equalsIgnoreCase(value) ? Boolean.FALSE : value;
                default:
                    return value;
            }
        } catch (NumberFormatException e) {
            throw invalid("must be a number");
        }
    }

    /** The value in its canonical form, or a 422 naming the key. */
    public Object validate(Object value) {
        if (value == null) {
            throw invalid("must not be null");
        }
        switch (type) {
            case "choice":
                if (!choices.contains(String.valueOf(value))) {
                    throw invalid("must be one of " + String.join(", ", choices));
                }
                return String.valueOf(value);
            case "boolean":
                if (!(value instanceof Boolean)) {
                    throw invalid("must be true or false");
                }
                return value;
            case "string":
                if (!(value instanceof String text) || text.isBlank() || text.length() > max.intValue()) {
                    throw invalid("must be text of 1 to " + max + " characters");
                }
                return text.trim();
            case "integer":
                BigDecimal whole = number(value);
                if (whole.stripTrailingZeros().scale() > 0) {
                    throw invalid("must be a whole number");
                }
                return inRange(whole).longValueExact();
            case "decimal":
                return inRange(number(value));
            case "duration":
                try {
                    Duration duration = Duration.parse(String.valueOf(value));
                    inRange(BigDecimal.valueOf(duration.toSeconds()));
                    return duration.toString();
                } catch (DateTimeParseException e) {
                    throw invalid("must be an ISO-8601 duration such as PT30M");
                }
            default:
                throw new IllegalStateException("Unknown setting type " + type);
        }
    }

    private BigDecimal number(Object value) {
        if (!(value instanceof Number)) {
            throw invalid("must be a number");
        }
        return new BigDecimal(value.toString());
    }

    private BigDecimal inRange(BigDecimal value) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw invalid("must be between " + min.toPlainString() + " and " + max.toPlainString()
                    + ("duration".equals(type) ? " seconds" : ""));
        }
        return value;
    }

    private DomainException invalid(String problem) {
        return DomainException.invalid("changes." + key + ": " + problem);
    }
}
