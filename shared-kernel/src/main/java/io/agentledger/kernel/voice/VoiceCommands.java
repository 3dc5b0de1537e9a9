package io.agentledger.kernel.voice;

import io.agentledger.kernel.voice.VoiceEvent.VoiceCommandProcessed;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Map;

public final class VoiceCommands {

    private VoiceCommands() {
    }

    public static String profileOf(String userId) {
        return "voice_" + userId;
    }

    public record ChangeVoiceSettings(@TargetAggregateIdentifier String profileId, String tenantId, String userId,
                                      Map<String, Object> settings) {
    }

    public record TrainVoicePhrases(@TargetAggregateIdentifier String profileId, String tenantId, String userId,
                                    List<VoicePhrase> phrases) {
    }

    public record RecordVoiceCommand(@TargetAggregateIdentifier String profileId, VoiceCommandProcessed command) {
    }
}
