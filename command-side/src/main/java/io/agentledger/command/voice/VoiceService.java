package io.agentledger.command.voice;

import io.agentledger.command.agent.execution.AgentExecutions;
import io.agentledger.command.agent.execution.ExecutionWaits;
import io.agentledger.command.run.runtime.AgentRuntime;
import io.agentledger.kernel.agent.AgentQueries.FindAgent;
import io.agentledger.kernel.agent.AgentQueries.FindAgentByNumber;
import io.agentledger.kernel.agent.AgentView;
import io.agentledger.kernel.agent.ExecutionView;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.id.Digests;
import io.agentledger.kernel.id.IdPrefix;
import io.agentledger.kernel.id.Ids;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.voice.VoiceCommands;
import io.agentledger.kernel.voice.VoiceCommands.RecordVoiceCommand;
import io.agentledger.kernel.voice.VoiceEvent.VoiceCommandProcessed;
import io.agentledger.kernel.voice.VoicePhrase;
import io.agentledger.kernel.voice.VoiceProfileView;
import io.agentledger.kernel.voice.VoiceQueries.FindVoiceProfile;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A spoken or typed command, end to end: the recording kept as a file (its digest in the event), the
 * transcript, the intent, the agent it goes to (the one named, the context's active agent by number, or
 * none: the runtime answers), the agent's execution, and one event recording all of it.
 */
@Component
public class VoiceService {

    static final Duration AGENT_TIMEOUT = Duration.ofSeconds(30);
    private static final String ASSISTANT = "You are the voice assistant of a personal AI operating system. Answer "
            + "the spoken request briefly, in plain sentences.";

    record Spoken(byte[] audio, String text, String language, Long activeAgent, String agentId) {
    }

    record Outcome(VoiceCommandProcessed event, VoiceIntents.Intent intent, Map<String, Object> agentResponse,
                   List<String> fallbackAgents) {
    }

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final SpeechEngines speech;
    private final AgentRuntime runtime;
    private final AgentExecutions executions;
    private final ExecutionWaits waits;
    private final Path audioRoot;
    private final Clock clock;

    public VoiceService(CommandGateway commands, QueryGateway queries, SpeechEngines speech, AgentRuntime runtime,
                        AgentExecutions executions, ExecutionWaits waits,
                        @Value("${agentledger.data-dir:./data}") Path dataDir, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.speech = speech;
        this.runtime = runtime;
        this.executions = executions;
        this.waits = waits;
        this.audioRoot = dataDir.resolve("voice").toAbsolutePath().normalize();
        this.clock = clock;
    }

    Outcome process(Spoken spoken, Caller caller) {
        AgentView agent = target(spoken, caller);
        String commandId = Ids.newId(IdPrefix.VOICE_COMMAND, clock);
        String audioSha256 = null;
        String transcript;
        String source;
        double transcriptionConfidence;
        if (spoken.audio() != null) {
            audioSha256 = store(caller.tenantId(), commandId, spoken.audio());
            if (!speech.transcribes() && spoken.text() != null) {
                transcript = spoken.text();
                source = "text";
                transcriptionConfidence = 1.0;
            } else {
                transcript = speech.transcribe(spoken.audio(), spoken.language());
                source = "audio";
                transcriptionConfidence = 0.9;
            }
        } else {
            transcript = spoken.text();
            source = "text";
            transcriptionConfidence = 1.0;
        }
        VoiceProfileView profile = queries.query(new FindVoiceProfile(VoiceCommands.profileOf(caller.userId()),
                caller.tenantId()), VoiceProfileView.class).join();
        List<VoicePhrase> phrases = profile == null ? List.of() : profile.phrases();
        VoiceIntents.Intent intent = transcript.isBlank() ? new VoiceIntents.Intent("unknown", Map.of(), 0, false)
                : VoiceIntents.recognise(transcript, phrases, runtime);
        boolean understood = !transcript.isBlank() && (intent.custom() || intent.confidence() >= 0.3);
        String executionId = null;
        Map<String, Object> agentResponse;
        String responseText;
        if (agent != null && understood) {
            Map<String, Object> input = new LinkedHashMap<>(intent.entities());
            input.put("action", intent.action());
            input.put("text", transcript);
            executionId = executions.request(agent.id(), null, input, Map.of("action", intent.action(), "parameters",
                    Map.of("text", transcript)), AGENT_TIMEOUT, caller);
            ExecutionView execution = waits.until(executionId, caller.tenantId(), clock.instant().plus(AGENT_TIMEOUT)
                    .plusSeconds(5));
            agentResponse = execution == null || !execution.status().ended() ? Map.of("success", false, "data",
                    Map.of("status", "executing")) : AgentExecutions.paiosResult(execution);
            responseText = text(agentResponse.get("data"));
        } else if (understood) {
            responseText = runtime.respond(ASSISTANT, transcript).value();
            agentResponse = Map.of("success", true, "data", responseText);
        } else {
            responseText = "Sorry, I did not understand that.";
            agentResponse = Map.of("success", false, "error", "VOICE_002");
        }
        VoiceCommandProcessed event = new VoiceCommandProcessed(VoiceCommands.profileOf(caller.userId()),
                caller.tenantId(), caller.userId(), commandId, source, transcript, transcriptionConfidence,
                spoken.language(), audioSha256, spoken.audio() == null ? 0 : spoken.audio().length, intent.action(),
                intent.entities(), intent.confidence(), agent == null ? null : agent.id(),
                agent == null ? null : agent.agentNumber(), executionId, responseText, understood);
        commands.sendAndWait(new RecordVoiceCommand(event.profileId(), event));
        return new Outcome(event, intent, agentResponse, List.of());
    }

    private AgentView target(Spoken spoken, Caller caller) {
        if (spoken.agentId() != null) {
            AgentView agent = queries.query(new FindAgent(spoken.agentId(), caller.tenantId()), AgentView.class).join();
            if (agent == null) {
                throw DomainException.notFound("Agent " + spoken.agentId() + " not found");
            }
            return agent;
        }
        if (spoken.activeAgent() == null) {
            return null;
        }
        AgentView agent = queries.query(new FindAgentByNumber(spoken.activeAgent(), caller.tenantId()),
                AgentView.class).join();
        if (agent == null) {
            throw DomainException.notFound("Agent number " + spoken.activeAgent() + " not found");
        }
        return agent;
    }

    private String store(String tenantId, String commandId, byte[] audio) {
        try {
            Path folder = Files.createDirectories(audioRoot.resolve(tenantId));
            Files.write(folder.resolve(commandId + ".audio"), audio);
            return Digests.sha256(audio);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the recording", e);
        }
    }

    private static String text(Object data) {
        if (data instanceof Map<?, ?> map) {
            for (String key : List.of("response", "answer", "text", "result", "message")) {
                if (map.get(key) instanceof String text) {
                    return text;
                }
            }
        }
        return data == null ? "" : String.valueOf(data);
    }
}
