package io.agentledger.kernel.voice;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.Map;

/** A user's voice profile: settings, trained phrases, and every command spoken or typed (audio by digest only). */
public sealed interface VoiceEvent permits VoiceEvent.VoiceSettingsChanged, VoiceEvent.VoicePhrasesTrained,
        VoiceEvent.VoiceCommandProcessed {

    String profileId();

    String tenantId();

    @Revision("1")
    record VoiceSettingsChanged(String profileId, String tenantId, String userId, Map<String, Object> settings)
            implements VoiceEvent {
    }

    @Revision("1")
    record VoicePhrasesTrained(String profileId, String tenantId, String userId, List<VoicePhrase> phrases)
            implements VoiceEvent {
    }

    /**
     * {@code source} is {@code audio} or {@code text}; {@code audioSha256} and {@code audioBytes} name the stored
     * recording; {@code executionId} the agent execution it asked for, if any.
     */
    @Revision("1")
    record VoiceCommandProcessed(String profileId, String tenantId, String userId, String commandId, String source,
                                 String transcript, double transcriptionConfidence, String language,
                                 String audioSha256, long audioBytes, String intent, Map<String, Object> entities,
                                 double intentConfidence, String agentId, Long agentNumber, String executionId,
                                 String response, boolean understood) implements VoiceEvent {
    }
}
