package io.agentledger.command.voice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.VoiceManager;
import io.agentledger.command.run.runtime.LlmProperties;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.error.ErrorCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Speech to text and text to speech. With {@code LLM_PROVIDER=openai} both go to the provider's
 * OpenAI-compatible {@code /audio/transcriptions} and {@code /audio/speech}; otherwise synthesis is FreeTTS
 * (pure Java, its English voice "kevin16", WAV) and transcription is refused, naming what to configure.
 */
@Component
public class SpeechEngines {

    static final String STT_SETTING = "LLM_PROVIDER=openai with OPENAI_BASE_URL and OPENAI_API_KEY (any server "
            + "with an OpenAI-compatible /audio/transcriptions endpoint)";
    private static final String FREETTS_VOICE = "kevin16";

    record Audio(byte[] bytes, String contentType) {
    }

    private final LlmProperties.Connection openai;
    private final String transcriptionModel;
    private final String speechModel;
    private final Duration timeout;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Voice voice;

    public SpeechEngines(LlmProperties llm, ObjectMapper json,
                         @Value("${agentledger.voice.transcription-model:whisper-1}") String transcriptionModel,
                         @Value("${agentledger.voice.speech-model:tts-1}") String speechModel) {
        this.openai = "openai".equals(llm.provider()) ? llm.providers().get("openai") : null;
        this.transcriptionModel = transcriptionModel;
        this.speechModel = speechModel;
        this.timeout = llm.timeout();
        this.json = json;
    }

    boolean transcribes() {
        return openai != null;
    }

    Map<String, Object> capabilities() {
        Map<String, Object> stt = new LinkedHashMap<>();
        stt.put("available", transcribes());
        stt.put("provider", transcribes() ? "openai" : null);
        stt.put("model", transcribes() ? transcriptionModel : null);
        if (!transcribes()) {
            stt.put("configure", STT_SETTING);
        }
        Map<String, Object> tts = new LinkedHashMap<>();
        tts.put("available", true);
        tts.put("engine", transcribes() ? "openai" : "freetts");
        tts.put("model", transcribes() ? speechModel : FREETTS_VOICE);
        tts.put("format", transcribes() ? "audio/mpeg" : "audio/wav");
        tts.put("voices", transcribes() ? java.util.List.of("alloy", "echo", "fable", "onyx", "nova", "shimmer")
                : java.util.List.of(FREETTS_VOICE));
        return Map.of("speech_to_text", stt, "text_to_speech", tts);
    }

    /** @return the transcript; 503 naming the setting when no provider transcribes here */
    String transcribe(byte[] audio, String language) {
        if (!transcribes()) {
            throw new DomainException(ErrorCode.SERVICE_UNAVAILABLE, "Speech to text is not configured here: set "
                    + STT_SETTING + ", or send text_fallback");
        }
        String boundary = "----agentledger" + UUID.randomUUID();
        byte[] body = multipart(boundary, audio, language);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/audio/transcriptions"))
                .timeout(timeout).header("Authorization", "Bearer " + openai.apiKey())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        JsonNode answer = readJson(send(request, "transcription"));
        if (!answer.path("text").isTextual()) {
            throw new DomainException(ErrorCode.UPSTREAM_ERROR, "The transcription service answered without text");
        }
        return answer.path("text").asText().strip();
    }

    Audio synthesize(String text, String voiceName) {
        if (!transcribes()) {
            return new Audio(freetts(text), "audio/wav");
        }
        Map<String, Object> body = Map.of("model", speechModel, "input", text, "voice",
                voiceName == null ? "alloy" : voiceName);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/audio/speech")).timeout(timeout)
                    .header("Authorization", "Bearer " + openai.apiKey()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
            HttpResponse<byte[]> response = send(request, "speech");
            return new Audio(response.body(), response.headers().firstValue("Content-Type").orElse("audio/mpeg"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized byte[] freetts(String text) {
        if (voice == null) {
            System.setProperty("freetts.voices", "com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory");
            Voice loaded = VoiceManager.getInstance().getVoice(FREETTS_VOICE);
            if (loaded == null) {
                throw new DomainException(ErrorCode.SERVICE_UNAVAILABLE, "The offline voice could not be loaded");
            }
            loaded.allocate();
            voice = loaded;
        }
        CollectingAudioPlayer player = new CollectingAudioPlayer();
        voice.setAudioPlayer(player);
        try {
            voice.speak(text);
            return player.wav();
        } catch (IOException e) {
            throw new IllegalStateException("could not write the synthesized audio", e);
        } finally {
            voice.setAudioPlayer(null);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request, String what) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new DomainException(ErrorCode.UPSTREAM_ERROR, "The " + what + " service answered HTTP "
                        + response.statusCode());
            }
            return response;
        } catch (IOException e) {
            throw new DomainException(ErrorCode.UPSTREAM_ERROR, "The " + what + " service could not be reached: "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException(ErrorCode.UPSTREAM_ERROR, "Interrupted while waiting for the " + what
                    + " service");
        }
    }

    private JsonNode readJson(HttpResponse<byte[]> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new DomainException(ErrorCode.UPSTREAM_ERROR, "The transcription service answered no JSON");
        }
    }

    private byte[] multipart(String boundary, byte[] audio, String language) {
        StringBuilder head = new StringBuilder();
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\n")
                .append(transcriptionModel).append("\r\n");
        if (language != null) {
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\n")
                    .append(language).append("\r\n");
        }
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"audio\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + audio.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(audio, 0, body, start.length, audio.length);
        System.arraycopy(end, 0, body, start.length + audio.length, end.length);
        return body;
    }

    private String base() {
        String base = openai.baseUrl() == null ? "https://api.openai.com/v1" : openai.baseUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
