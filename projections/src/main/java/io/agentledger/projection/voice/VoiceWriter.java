package io.agentledger.projection.voice;

import io.agentledger.kernel.voice.VoiceEvent;
import io.agentledger.kernel.voice.VoiceEvent.VoiceCommandProcessed;
import io.agentledger.kernel.voice.VoiceEvent.VoicePhrasesTrained;
import io.agentledger.kernel.voice.VoiceEvent.VoiceSettingsChanged;
import io.agentledger.kernel.voice.VoiceQueries.FindVoiceProfileVersion;
import io.agentledger.projection.support.StoredTime;
import io.agentledger.projection.support.VersionAnnouncer;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Applies voice events for the inline and the tracking projection alike. */
@Component
class VoiceWriter {

    private final VoiceRepository voice;
    private final VersionAnnouncer announcer;

    VoiceWriter(VoiceRepository voice, VersionAnnouncer announcer) {
        this.voice = voice;
        this.announcer = announcer;
    }

    void apply(VoiceEvent event, long version, Instant storedAt) {
        String userId = event instanceof VoiceSettingsChanged s ? s.userId() : event instanceof VoicePhrasesTrained p
                ? p.userId() : ((VoiceCommandProcessed) event).userId();
        if (!voice.advance(event.profileId(), event.tenantId(), userId, version)) {
            return;
        }
        if (event instanceof VoiceSettingsChanged changed) {
            voice.settings(event.profileId(), changed.settings());
        } else if (event instanceof VoicePhrasesTrained trained) {
            voice.phrases(event.profileId(), trained.phrases());
        } else if (event instanceof VoiceCommandProcessed command) {
            voice.command(command, StoredTime.of(storedAt));
        }
        announcer.announce(FindVoiceProfileVersion.class, FindVoiceProfileVersion::profileId, event.profileId(),
                version);
    }

    void reset() {
        voice.deleteAll();
    }
}
