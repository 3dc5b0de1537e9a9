package io.agentledger.kernel.voice;

public final class VoiceQueries {

    private VoiceQueries() {
    }

    /** The caller's profile; null before its first settings, phrases or command. */
    public record FindVoiceProfile(String profileId, String tenantId) {
    }

    public record FindVoiceProfileVersion(String profileId) {
    }
}
