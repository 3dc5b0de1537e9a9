package io.agentledger.command.voice;

import io.agentledger.command.web.ReadModelAwait;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.voice.VoiceCommands;
import io.agentledger.kernel.voice.VoiceCommands.ChangeVoiceSettings;
import io.agentledger.kernel.voice.VoiceCommands.TrainVoicePhrases;
import io.agentledger.kernel.voice.VoiceEvent.VoiceCommandProcessed;
import io.agentledger.kernel.voice.VoicePhrase;
import io.agentledger.kernel.voice.VoiceQueries.FindVoiceProfileVersion;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Seed 003's voice routes: process, an agent's voice, settings, capabilities, synthesis and training. */
@RestController
public class VoiceController {

    static final int MAX_AUDIO_BYTES = 512 * 1024;
    static final int MAX_TEXT = 2000;
    static final int MAX_PHRASES = 200;
    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?");
    private static final Set<String> SETTINGS = Set.of("language", "voice_id", "speech_rate", "pitch", "volume",
            "wake_word_enabled", "wake_words", "noise_suppression", "auto_transcription");

    private final VoiceService voice;
    private final SpeechEngines speech;
    private final CommandGateway commands;
    private final ReadModelAwait readModel;

    public VoiceController(VoiceService voice, SpeechEngines speech, CommandGateway commands,
                           ReadModelAwait readModel) {
        this.voice = voice;
        this.speech = speech;
        this.commands = commands;
        this.readModel = readModel;
    }

    public record ProcessRequest(String audioData, String textFallback, String textInput, String language,
                          Map<String, Object> context) {
    }

    @PostMapping("/api/v1/voice/process")
    @PreAuthorize("hasAuthority('write:agents')")
    public Map<String, Object> process(@RequestBody ProcessRequest body, @AuthenticationPrincipal Caller caller) {
        if (body.language() == null) {
            throw DomainException.invalid("language is required (such as \"en\")");
        }
        VoiceService.Outcome outcome = voice.process(spoken(body, null), caller);
        VoiceCommandProcessed event = outcome.event();
        Map<String, Object> intent = new LinkedHashMap<>();
        intent.put("action", event.intent());
        intent.put("entities", event.entities());
        intent.put("confidence", event.intentConfidence());
        Map<String, Object> routing = new LinkedHashMap<>();
        routing.put("target_agent", event.agentNumber());
        routing.put("routing_confidence", event.agentNumber() == null ? 0 : 1.0);
        routing.put("fallback_agents", outcome.fallbackAgents());
        routing.put("global_command", event.agentNumber() == null);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("text", event.response());
        response.put("suggestions", List.of());
        response.put("requires_followup", !event.understood());
        response.put("agent_response", outcome.agentResponse());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("command_id", event.commandId());
        data.put("transcribed_text", event.transcript());
        data.put("confidence_score", event.transcriptionConfidence());
        data.put("detected_language", event.language());
        data.put("intent", intent);
        data.put("agent_routing", routing);
        data.put("response", response);
        data.put("execution_id", event.executionId());
        return Map.of("success", event.understood(), "data", data);
    }

    @PostMapping("/api/v1/agents/{agentId}/voice")
    @PreAuthorize("hasAuthority('write:agents')")
    public Map<String, Object> agentVoice(@PathVariable String agentId, @RequestBody ProcessRequest body,
                                          @AuthenticationPrincipal Caller caller) {
        VoiceService.Outcome outcome = voice.process(spoken(body, agentId), caller);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("transcribed_text", outcome.event().transcript());
        data.put("command_understood", outcome.event().understood());
        data.put("agent_response", outcome.agentResponse());
        data.put("voice_response", outcome.event().response());
        data.put("execution_id", outcome.event().executionId());
        return Map.of("success", outcome.event().understood(), "data", data);
    }

    @PostMapping("/api/v1/voice/settings")
    @PreAuthorize("hasAuthority('write:agents')")
    public Map<String, Object> settings(@RequestBody Map<String, Object> body, @AuthenticationPrincipal Caller caller) {
        for (String key : body.keySet()) {
            if (!SETTINGS.contains(key)) {
                throw DomainException.invalid(key + " is not a voice setting (" + String.join(", ",
                        SETTINGS.stream().sorted().toList()) + ")");
            }
        }
        checkSettings(body);
        String profileId = VoiceCommands.profileOf(caller.userId());
        long version = commands.sendAndWait(new ChangeVoiceSettings(profileId, caller.tenantId(), caller.userId(),
                body));
        readModel.awaitVersion(new FindVoiceProfileVersion(profileId), version);
        return Map.of("success", true, "data", body);
    }

    @GetMapping("/api/v1/voice/capabilities")
    @PreAuthorize("hasAuthority('read:agents')")
    public Map<String, Object> capabilities() {
        Map<String, Object> answer = new LinkedHashMap<>(speech.capabilities());
        answer.put("languages", speech.transcribes() ? List.of("any the provider transcribes") : List.of("en"));
        answer.put("intent_recognition", Map.of("custom_phrases", true, "intents", List.of("research",
                "communication", "scheduling", "writing", "analysis")));
        answer.put("max_audio_bytes", MAX_AUDIO_BYTES);
        return Map.of("success", true, "data", answer);
    }

    record SynthesizeRequest(String text, String voice) {
    }

    @PostMapping("/api/v1/voice/synthesize")
    @PreAuthorize("hasAuthority('write:agents')")
    public ResponseEntity<byte[]> synthesize(@RequestBody SynthesizeRequest body) {
        if (body.text() == null || body.text().isBlank() || body.text().length() > MAX_TEXT) {
            throw DomainException.invalid("text must be 1 to " + MAX_TEXT + " characters");
        }
        if (body.voice() != null && !body.voice().matches("[A-Za-z0-9_-]{1,40}")) {
            throw DomainException.invalid("voice must be a voice name");
        }
        SpeechEngines.Audio audio = speech.synthesize(body.text(), body.voice());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(audio.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline").body(audio.bytes());
    }

    record TrainRequest(List<VoicePhrase> phrases) {
    }

    @PostMapping("/api/v1/voice/train")
    @PreAuthorize("hasAuthority('write:agents')")
    public Map<String, Object> train(@RequestBody TrainRequest body, @AuthenticationPrincipal Caller caller) {
        if (body.phrases() == null || body.phrases().isEmpty() || body.phrases().size() > MAX_PHRASES) {
            throw DomainException.invalid("phrases must hold 1 to " + MAX_PHRASES + " entries");
        }
        List<VoicePhrase> phrases = new ArrayList<>();
        for (VoicePhrase phrase : body.phrases()) {
            if (phrase == null || phrase.phrase() == null || phrase.phrase().isBlank() || phrase.phrase().length() > 200
                    || phrase.action() == null || !phrase.action().matches("[a-z][a-z0-9_.:-]{0,63}")) {
                throw DomainException.invalid("each phrase needs a phrase (up to 200 characters) and an action "
                        + "(lowercase, such as open_calendar)");
            }
            phrases.add(new VoicePhrase(phrase.phrase().strip(), phrase.action(), phrase.entities() == null ? Map.of()
                    : phrase.entities()));
        }
        String profileId = VoiceCommands.profileOf(caller.userId());
        long version = commands.sendAndWait(new TrainVoicePhrases(profileId, caller.tenantId(), caller.userId(),
                phrases));
        readModel.awaitVersion(new FindVoiceProfileVersion(profileId), version);
        return Map.of("success", true, "data", Map.of("phrases_trained", phrases.size()));
    }

    private static VoiceService.Spoken spoken(ProcessRequest body, String agentId) {
        String language = body.language() == null ? "en" : body.language();
        if (!LANGUAGE.matcher(language).matches()) {
            throw DomainException.invalid("language must be a language tag such as en or en-US");
        }
        String text = body.textFallback() != null ? body.textFallback() : body.textInput();
        if (text != null && (text.isBlank() || text.length() > MAX_TEXT)) {
            throw DomainException.invalid("the text must be 1 to " + MAX_TEXT + " characters");
        }
        byte[] audio = null;
        if (body.audioData() != null) {
            try {
                audio = Base64.getDecoder().decode(body.audioData().replaceFirst("^data:[^,]*,", ""));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("audio_data is not base64");
            }
            if (audio.length == 0 || audio.length > MAX_AUDIO_BYTES) {
                throw DomainException.invalid("audio_data must hold 1 to " + MAX_AUDIO_BYTES + " bytes of audio");
            }
        }
        if (audio == null && text == null) {
            throw DomainException.invalid("send audio_data or a text (text_fallback, text_input)");
        }
        Long activeAgent = null;
        if (body.context() != null && body.context().get("active_agent") != null) {
            if (!(body.context().get("active_agent") instanceof Number number)) {
                throw DomainException.invalid("context.active_agent must be an agent number");
            }
            activeAgent = number.longValue();
        }
        return new VoiceService.Spoken(audio, text == null ? null : text.strip(), language, activeAgent, agentId);
    }

    private static void checkSettings(Map<String, Object> settings) {
        number(settings, "speech_rate", 0.25, 4);
        number(settings, "pitch", -20, 20);
        number(settings, "volume", 0, 1);
        for (String flag : List.of("wake_word_enabled", "noise_suppression", "auto_transcription")) {
            if (settings.containsKey(flag) && !(settings.get(flag) instanceof Boolean)) {
                throw DomainException.invalid(flag + " must be true or false");
            }
        }
        if (settings.get("language") != null && !(settings.get("language") instanceof String language
                && LANGUAGE.matcher(language).matches())) {
            throw DomainException.invalid("language must be a language tag such as en or en-US");
        }
        if (settings.get("voice_id") != null && !(settings.get("voice_id") instanceof String id
                && id.matches("[A-Za-z0-9_-]{1,40}"))) {
            throw DomainException.invalid("voice_id must be a voice name");
        }
        if (settings.get("wake_words") != null && !(settings.get("wake_words") instanceof List<?> words
                && words.size() <= 10 && words.stream().allMatch(w -> w instanceof String s && !s.isBlank()
                && s.length() <= 50))) {
            throw DomainException.invalid("wake_words must be up to 10 words");
        }
    }

    private static void number(Map<String, Object> settings, String name, double min, double max) {
        Object value = settings.get(name);
        if (value != null && !(value instanceof Number number && number.doubleValue() >= min
                && number.doubleValue() <= max)) {
            throw DomainException.invalid(name + " must be a number from " + min + " to " + max);
        }
    }
}
