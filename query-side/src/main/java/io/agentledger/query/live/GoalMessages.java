package io.agentledger.query.live;

import io.agentledger.kernel.goal.GoalEvent;
import io.agentledger.kernel.goal.GoalEvent.GoalCompleted;

import java.util.List;

/** A goal's changes: {@code goal.created}, {@code .updated}, {@code .started}, {@code .planned}, {@code .released}, {@code .deleted}, and seed 000's {@code goal.completed}. */
final class GoalMessages {

    private GoalMessages() {
    }

    static LiveMessage of(FeedEvent event) {
        if (!(event.payload() instanceof GoalEvent goal)) {
            return null;
        }
        if (goal instanceof GoalCompleted completed) {
            List<String> artifacts = completed.artifacts() == null ? List.of()
                    : List.copyOf(completed.artifacts().values());
            return LiveMessage.of("goal.completed", event, Data.from(event, "goal_id", "run_id", "summary")
                    .with("artifacts", artifacts).map());
        }
        return switch (event.type()) {
            case "GoalCreated" -> LiveMessage.of("goal.created", event, Data.from(event, "goal_id", "text",
                    "status", "autonomy_level", "priority", "created_by").map());
            case "GoalUpdated" -> LiveMessage.of("goal.updated", event,
                    Data.from(event, "goal_id", "changes", "updated_by").map());
            case "GoalStarted" -> LiveMessage.of("goal.started", event,
                    Data.from(event, "goal_id", "run_id", "started_by").map());
            case "GoalTasksPlanned" -> LiveMessage.of("goal.planned", event,
                    Data.from(event, "goal_id", "run_id", "tasks").map());
            case "GoalReleased" -> LiveMessage.of("goal.released", event,
                    Data.from(event, "goal_id", "run_id", "outcome").map());
            case "GoalDeleted" -> LiveMessage.of("goal.deleted", event,
                    Data.from(event, "goal_id", "deleted_by").map());
            default -> null;
        };
    }

    static boolean last(LiveMessage message) {
        return "goal.completed".equals(message.type()) || "goal.deleted".equals(message.type());
    }
}
