package io.agentledger.query.voice;

import io.agentledger.kernel.voice.VoiceProfileView;
import io.agentledger.kernel.voice.VoiceQueries.FindVoiceProfile;
import io.agentledger.kernel.voice.VoiceQueries.FindVoiceProfileVersion;
import io.agentledger.projection.voice.VoiceRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
public class VoiceQueryHandler {

    private final VoiceRepository voice;

    public VoiceQueryHandler(VoiceRepository voice) {
        this.voice = voice;
    }

    @QueryHandler
    public VoiceProfileView handle(FindVoiceProfile query) {
        return voice.profile(query.profileId(), query.tenantId()).orElse(null);
    }

    @QueryHandler
    public Long handle(FindVoiceProfileVersion query) {
        return voice.version(query.profileId());
    }
}
