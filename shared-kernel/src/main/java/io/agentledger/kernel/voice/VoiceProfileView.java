package io.agentledger.kernel.voice;

import java.util.List;
import java.util.Map;

public record VoiceProfileView(String profileId, String tenantId, String userId, Map<String, Object> settings,
                               List<VoicePhrase> phrases, long version) {
}
