package io.agentledger.command.task.engine;

import io.agentledger.command.work.LeaseTable;
import io.agentledger.kernel.task.TaskEvent.TaskCompleted;
import io.agentledger.kernel.task.TaskEvent.TaskCreated;
import io.agentledger.kernel.task.TaskEvent.TaskFailed;
import io.agentledger.kernel.task.TaskEvent.TaskStopped;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Tasks with work to do, kept in the same transaction as their events (subscribing processor): in when
 * created, out when they end. A stop is also told to this node's workers at once (the others notice it
 * when they renew their lease).
 */
@Component
@ProcessingGroup(TaskWorkQueue.GROUP)
public class TaskWorkQueue {

    public static final String GROUP = "task-work-queue";

    private final LeaseTable table;
    private volatile Runnable onWork = () -> { };
    private volatile Consumer<String> onStop = taskId -> { };

    public TaskWorkQueue(JdbcTemplate jdbc) {
        this.table = new LeaseTable(jdbc, "task_work", "task_id");
    }

    void listen(Runnable work, Consumer<String> stop) {
        onWork = work;
        onStop = stop;
    }

    @EventHandler
    void on(TaskCreated event) {
        table.enqueue(event.taskId(), event.tenantId());
        afterCommit(() -> onWork.run());
    }

    @EventHandler
    void on(TaskCompleted event) {
        table.remove(event.taskId());
    }

    @EventHandler
    void on(TaskFailed event) {
        table.remove(event.taskId());
    }

    @EventHandler
    void on(TaskStopped event) {
        table.remove(event.taskId());
        afterCommit(() -> onStop.accept(event.taskId()));
    }

    private static void afterCommit(Runnable action) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> action.run());
        }
    }

    Optional<String> claim(String worker, Duration lease) {
        return table.claim(worker, lease);
    }

    boolean renew(String taskId, String worker, Duration lease) {
        return table.renew(taskId, worker, lease);
    }

    void release(String taskId, String worker, Duration delay) {
        table.release(taskId, worker, delay);
    }
}
