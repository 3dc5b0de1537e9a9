package io.agentledger.projection.task;

import io.agentledger.axon.processing.inline.InlineReadModel;
import io.agentledger.kernel.task.TaskEvent;
import io.agentledger.kernel.task.TaskSessionEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The session and task read models written in the command's transaction: the caller reads its change at once. */
@Component
@InlineReadModel
@ProcessingGroup(TaskDirectoryInline.GROUP)
public class TaskDirectoryInline {

    public static final String GROUP = "task-directory-inline";

    private final TaskWriter writer;

    TaskDirectoryInline(TaskWriter writer) {
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
}
