package io.agentledger.axon.input;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Finds NUL characters anywhere in a request's values (strings, map keys and values, lists, records).
 * PostgreSQL cannot store them in text or jsonb, so every transport refuses them at its edge.
 */
public final class NulCharacters {

    public static final String MESSAGE = "must not contain NUL characters";
    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
            new PropertyNamingStrategies.SnakeCaseStrategy();

    private NulCharacters() {
    }

    /** The snake_case path of the first value holding a NUL character, if any. */
    public static Optional<String> find(Object value) {
        return find(value, "");
    }

    private static Optional<String> find(Object value, String path) {
        if (value instanceof String text) {
            return text.indexOf('\0') >= 0 ? Optional.of(path) : Optional.empty();
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String child = join(path, String.valueOf(entry.getKey()));
                Optional<String> found = find(entry.getKey(), child).or(() -> find(entry.getValue(), child));
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                Optional<String> found = find(item, path + "[" + index++ + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (value != null && value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                Optional<String> found = find(read(component, value), join(path, SNAKE.translate(component.getName())));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName(), e);
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
