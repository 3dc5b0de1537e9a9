package io.agentledger.projection.voice;

import io.agentledger.kernel.voice.VoiceEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The voice read models' tracking projection: rebuilds them by replay and applies what the inline one did not. */
@Component
@ProcessingGroup(VoiceDirectoryProjection.GROUP)
public class VoiceDirectoryProjection {

    public static final String GROUP = "voice-directory";

    private final VoiceWriter writer;

    VoiceDirectoryProjection(VoiceWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(VoiceEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        writer.apply(event, version, at);
    }

    @ResetHandler
    void reset() {
        writer.reset();
    }
}
