package io.agentledger.projection.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.axon.serialization.EventObjectMapper;

import java.util.Map;

/** JSON columns (jsonb) of the read models. */
public final class Json {

    private static final ObjectMapper MAPPER = withoutNul(EventObjectMapper.forMessages().copy());
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private Json() {
    }

    public static String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not serialisable as JSON", e);
        }
    }

    /** jsonb refuses the escaped NUL character: it is written as the replacement character instead. */
    private static ObjectMapper withoutNul(ObjectMapper mapper) {
        mapper.getFactory().setCharacterEscapes(new CharacterEscapes() {
            private final int[] escapes = standardAsciiEscapesForJSON();
            private final SerializableString replacement = new SerializedString(String.valueOf(Text.REPLACEMENT));

            @Override
            public int[] getEscapeCodesForAscii() {
                int[] codes = escapes.clone();
                codes[0] = ESCAPE_CUSTOM;
                return codes;
            }

            @Override
            public SerializableString getEscapeSequence(int ch) {
                return replacement;
            }
        });
        return mapper;
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json == null ? "{}" : json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt JSON column", e);
        }
    }

    public static Map<String, Object> readMap(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt JSON column", e);
        }
    }
}
