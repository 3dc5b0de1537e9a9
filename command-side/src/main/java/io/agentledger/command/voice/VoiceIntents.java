package io.agentledger.command.voice;

import io.agentledger.command.run.runtime.AgentRuntime;
import io.agentledger.kernel.voice.VoicePhrase;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a command means: a phrase the user trained, found in what they said, wins (confidence 0.95);
 * otherwise the agent runtime routes it (the offline one by embeddings, a provider by its model).
 */
final class VoiceIntents {

    record Intent(String action, Map<String, Object> entities, double confidence, boolean custom) {
    }

    private VoiceIntents() {
    }

    static Intent recognise(String transcript, List<VoicePhrase> phrases, AgentRuntime runtime) {
        String said = normalise(transcript);
        VoicePhrase best = null;
        for (VoicePhrase phrase : phrases) {
            String trained = normalise(phrase.phrase());
            if (!trained.isEmpty() && said.contains(trained)
                    && (best == null || trained.length() > normalise(best.phrase()).length())) {
                best = phrase;
            }
        }
        if (best != null) {
            return new Intent(best.action(), best.entities() == null ? Map.of() : best.entities(), 0.95, true);
        }
        AgentRuntime.Intent routed = runtime.routeIntent(transcript).value();
        return new Intent(routed.name(), Map.of(), routed.confidence(), false);
    }

    private static String normalise(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
