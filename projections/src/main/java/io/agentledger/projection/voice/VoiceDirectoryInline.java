package io.agentledger.projection.voice;

import io.agentledger.axon.processing.inline.InlineReadModel;
import io.agentledger.kernel.voice.VoiceEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The voice read models written in the command's transaction: the caller reads its change at once. */
@Component
@InlineReadModel
@ProcessingGroup(VoiceDirectoryInline.GROUP)
public class VoiceDirectoryInline {

    public static final String GROUP = "voice-directory-inline";

    private final VoiceWriter writer;

    VoiceDirectoryInline(VoiceWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(VoiceEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        writer.apply(event, version, at);
    }
}
