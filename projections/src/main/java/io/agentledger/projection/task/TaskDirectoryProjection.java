package io.agentledger.projection.task;

import io.agentledger.kernel.task.TaskEvent;
import io.agentledger.kernel.task.TaskSessionEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The session and task read models' tracking projection: rebuilds them by replay and applies what the inline one did not. */
@Component
@ProcessingGroup(TaskDirectoryProjection.GROUP)
public class TaskDirectoryProjection {

    public static final String GROUP = "task-directory";

    private final TaskWriter writer;

    TaskDirectoryProjection(TaskWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(TaskSessionEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        writer.apply(event, version, at);
    }

    @EventHandler
    void on(TaskEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        writer.apply(event, version, at);
    }

    @ResetHandler
    void reset() {
        writer.reset();
    }
}
