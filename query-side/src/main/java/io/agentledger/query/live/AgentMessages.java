package io.agentledger.query.live;

import io.agentledger.kernel.agent.AgentMessageEvent.AgentMessageRecorded;
import io.agentledger.kernel.agent.AgentEvent.AgentArchived;
import io.agentledger.kernel.agent.AgentEvent.AgentRegistered;
import io.agentledger.kernel.agent.AgentEvent.AgentVersionBuildFailed;
import io.agentledger.kernel.agent.AgentEvent.AgentVersionBuilt;
import io.agentledger.kernel.agent.AgentEvent.AgentVersionUploaded;
import io.agentledger.kernel.agent.ExecutionEvent.ExecutionCancelled;
import io.agentledger.kernel.agent.ExecutionEvent.ExecutionCompleted;
import io.agentledger.kernel.agent.ExecutionEvent.ExecutionFailed;
import io.agentledger.kernel.agent.ExecutionEvent.ExecutionRequested;
import io.agentledger.kernel.agent.ExecutionEvent.ExecutionStarted;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Uploaded agents and their executions as seed 003's agent messages. One instance per stream: it
 * remembers, for a bounded number of agents and executions, what earlier events said (an agent's
 * status and number, an execution's command), which later messages repeat.
 */
final class AgentMessages {

    private static final int REMEMBERED = 1000;

    private final Map<String, String> statuses = bounded();
    private final Map<String, Long> numbers = bounded();
    private final Map<String, Object> commands = bounded();

    LiveMessage of(FeedEvent event) {
        Object payload = event.payload();
        if (payload instanceof AgentRegistered registered) {
            statuses.put(registered.agentId(), "draft");
            numbers.put(registered.agentId(), registered.agentNumber());
            return null;
        }
        if (payload instanceof AgentVersionUploaded uploaded) {
            return statusChanged(event, uploaded.agentId(), "building", Map.of("version_id", uploaded.versionId()));
        }
        if (payload instanceof AgentVersionBuilt built) {
            return statusChanged(event, built.agentId(), "ready", Map.of("version_id", built.versionId()));
        }
        if (payload instanceof AgentVersionBuildFailed failed) {
            return statusChanged(event, failed.agentId(), "failed", Map.of("version_id", failed.versionId(),
                    "reason", failed.reason()));
        }
        if (payload instanceof AgentArchived archived) {
            statuses.put(archived.agentId(), archived.previousStatus().name().toLowerCase());
            return statusChanged(event, archived.agentId(), "archived", Map.of());
        }
        if (payload instanceof ExecutionRequested requested) {
            commands.put(requested.executionId(), requested.command() != null ? requested.command()
                    : requested.input());
            return null;
        }
        if (payload instanceof ExecutionStarted started) {
            return LiveMessage.of("agent:execution_started", event, Data.of("agent_id", started.agentId())
                    .with("execution_id", started.executionId())
                    .with("command", commands.get(started.executionId())).map());
        }
        if (payload instanceof ExecutionCompleted completed) {
            return LiveMessage.of("agent:execution_completed", event, Data.of("agent_id", completed.agentId())
                    .with("execution_id", completed.executionId())
                    .with("result", result(true, completed.output(), null, completed.durationMs()))
                    .with("duration", completed.durationMs() / 1000.0).map());
        }
        if (payload instanceof ExecutionFailed failed) {
            return LiveMessage.of("agent:error", event, Data.of("agent_id", failed.agentId())
                    .with("error", failed.error())
                    .with("context", Map.of("execution_id", failed.executionId(), "timed_out", failed.timedOut()))
                    .map());
        }
        if (payload instanceof AgentMessageRecorded message) {
            return message(event, message);
        }
        if (payload instanceof ExecutionCancelled cancelled) {
            return LiveMessage.of("agent:execution_completed", event, Data.of("agent_id", cancelled.agentId())
                    .with("execution_id", cancelled.executionId())
                    .with("result", result(false, null, "cancelled by " + cancelled.cancelledBy(), 0)).map());
        }
        return null;
    }

    /** A message between agents, for the target agent's subscribers (or everyone's, broadcast). */
    private static LiveMessage message(FeedEvent event, AgentMessageRecorded message) {
        if (message.broadcast()) {
            return LiveMessage.of("agent:broadcast", event, Data.of("from_agent", message.fromAgentNumber())
                    .with("message_type", message.messageType()).with("data", message.params().get("data"))
                    .with("message_id", message.envelopeId()).map());
        }
        if (message.toAgentId() == null) {
            return null;
        }
        return LiveMessage.of("agent:message", event, Data.of("agent_id", message.toAgentId())
                .with("from_agent", message.fromAgentNumber()).with("to_agent", message.toAgentNumber())
                .with("message_type", message.messageType()).with("data", message.params().get("data"))
                .with("message_id", message.envelopeId()).with("timestamp", event.timestamp().toString()).map());
    }

    private LiveMessage statusChanged(FeedEvent event, String agentId, String status, Map<String, Object> more) {
        String old = statuses.put(agentId, status);
        return LiveMessage.of("agent:status_changed", event, Data.of("agent_id", agentId)
                .with("agent_number", numbers.get(agentId)).with("old_status", old).with("new_status", status)
                .withAll(more).map());
    }

    private static Map<String, Object> result(boolean success, Object output, String error, long durationMs) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", success);
        result.put("data", output);
        if (error != null) {
            result.put("error", error);
        }
        result.put("metadata", Map.of("execution_time", durationMs));
        return result;
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > REMEMBERED;
            }
        };
    }
}
