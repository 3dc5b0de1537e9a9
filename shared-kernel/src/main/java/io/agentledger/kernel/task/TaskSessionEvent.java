package io.agentledger.kernel.task;

import org.axonframework.serialization.Revision;

/** A session of seed 002: a named workspace its tasks share. */
public sealed interface TaskSessionEvent permits TaskSessionEvent.TaskSessionOpened,
        TaskSessionEvent.TaskSessionDeleted {

    String sessionId();

    String tenantId();

    /** {@code workingDirectory} is the client's label for the workspace, never a path on this server. */
    @Revision("1")
    record TaskSessionOpened(String sessionId, String tenantId, String openedBy, String name, String workingDirectory)
            implements TaskSessionEvent {
    }

    @Revision("1")
    record TaskSessionDeleted(String sessionId, String tenantId, String deletedBy) implements TaskSessionEvent {
    }
}
