package io.agentledger.kernel.voice;

import java.util.Map;

/** A user's own phrase and the intent it means (with entities it implies). */
public record VoicePhrase(String phrase, String action, Map<String, Object> entities) {
}
