package io.agentledger.query.task;

import io.agentledger.kernel.task.TaskArtifactView;
import io.agentledger.kernel.task.TaskSessionView;
import io.agentledger.kernel.task.TaskStatus;
import io.agentledger.kernel.task.TaskView;

import java.util.LinkedHashMap;
import java.util.Map;

/** Sessions, tasks and artifacts in seed 002's shapes. */
public final class TaskShapes {

    private TaskShapes() {
    }

    public static Map<String, Object> session(TaskSessionView session) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("id", session.id());
        shape.put("name", session.name());
        shape.put("status", session.status());
        shape.put("working_directory", session.workingDirectory());
        shape.put("created_at", session.createdAt());
        shape.put("updated_at", session.updatedAt());
        shape.put("task_count", session.taskCount());
        if (session.tasks() != null) {
            shape.put("tasks", session.tasks().stream().map(task -> {
                Map<String, Object> brief = new LinkedHashMap<>();
                brief.put("id", task.id());
                brief.put("description", task.description());
                brief.put("status", task.status().wireName());
                return brief;
            }).toList());
        }
        return shape;
    }

    public static Map<String, Object> taskInList(TaskView task) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("id", task.id());
        shape.put("description", task.description());
        shape.put("status", task.status().wireName());
        shape.put("created_at", task.createdAt());
        shape.put("completed_at", task.completedAt());
        shape.put("iterations", task.iterations());
        return shape;
    }

    public static Map<String, Object> task(TaskView task) {
        Map<String, Object> shape = taskInList(task);
        shape.put("session_id", task.sessionId());
        shape.put("model", task.model());
        shape.put("provider", task.provider());
        shape.put("plan", Map.of("steps", task.plan()));
        if (task.status() == TaskStatus.COMPLETED) {
            shape.put("result", Map.of("success", true, "summary", task.summary() == null ? "" : task.summary()));
        } else if (task.status() == TaskStatus.FAILED) {
            shape.put("result", Map.of("success", false, "summary", task.error() == null ? "" : task.error()));
        } else {
            shape.put("result", null);
        }
        shape.put("error", task.error());
        shape.put("error_code", task.errorCode());
        shape.put("version", task.version());
        return shape;
    }

    public static Map<String, Object> artifact(TaskArtifactView artifact) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("id", artifact.id());
        shape.put("name", artifact.name());
        shape.put("type", artifact.type());
        shape.put("content_type", artifact.contentType());
        shape.put("size", artifact.size());
        shape.put("sha256", artifact.sha256());
        shape.put("created_at", artifact.createdAt());
        return shape;
    }
}
