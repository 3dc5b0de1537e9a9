package io.agentledger.query.history;

import io.agentledger.projection.approval.ApprovalDirectoryProjection;
import io.agentledger.projection.goal.GoalSummaryProjection;
import io.agentledger.projection.run.RunSummaryProjection;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Resources as they were at a past point, rebuilt from their events. The family's events up to that
 * point go through the very projections that keep the live read models, but into temporary copies
 * of their tables that shadow the real ones for one rolled-back transaction; the usual query handler
 * (the caller's usual read) then reads the result. Past and present views therefore cannot drift apart.
 */
@Component
public class PastStates {

    private static final List<String> TABLES = List.of("goal_view", "goal_task_view", "run_view", "approval_view");

    private final EventStore store;
    private final EventPositions positions;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final List<AnnotationEventHandlerAdapter> projections;

    public PastStates(EventStore store, EventPositions positions, JdbcTemplate jdbc,
                      PlatformTransactionManager transactions, GoalSummaryProjection goalSummary,
                      RunSummaryProjection runSummary, ApprovalDirectoryProjection approvalDirectory) {
        this.store = store;
        this.positions = positions;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.projections = List.of(new AnnotationEventHandlerAdapter(goalSummary),
                new AnnotationEventHandlerAdapter(runSummary), new AnnotationEventHandlerAdapter(approvalDirectory));
    }

    /**
     * What {@code read} returns over the read models of {@code rootId}'s family as they were at {@code point};
     * empty if the resource did not exist then (or has no such version).
     */
    public <T> Optional<T> at(String rootId, PointInTime point, Supplier<T> read) {
        List<DomainEventMessage<?>> rootEvents = ResourceFamily.read(store, rootId);
        if (rootEvents.isEmpty() || point.version() != null && point.version() > last(rootEvents)) {
            return Optional.empty();
        }
        List<DomainEventMessage<?>> family = ResourceFamily.of(store, rootId, rootEvents);
        EventPositions.Ordered ordered = positions.order(family);
        long cutoff = point.version() == null ? Long.MAX_VALUE : ordered.positionOf(rootId, point.version());
        List<DomainEventMessage<?>> past = ordered.events().stream()
                .filter(event -> point.asOf() == null || !event.getTimestamp().isAfter(point.asOf()))
                .filter(event -> ordered.positionOf(event) <= cutoff)
                .toList();
        if (past.stream().noneMatch(event -> event.getAggregateIdentifier().equals(rootId))) {
            return Optional.empty();
        }
        return Optional.ofNullable(transaction.execute(status -> {
            status.setRollbackOnly();
            return replayInto(shadowTables(), past, read);
        }));
    }

    private String shadowTables() {
        String schema = jdbc.queryForObject("SELECT current_schema()", String.class);
        for (String table : TABLES) {
            jdbc.execute("CREATE TEMPORARY TABLE " + table + " (LIKE " + schema + "." + table
                    + " INCLUDING ALL) ON COMMIT DROP");
        }
        return schema;
    }

    /** The unit of work is rolled back so the projections' read-your-writes announcements never leave. */
    private <T> T replayInto(String schema, List<DomainEventMessage<?>> events, Supplier<T> read) {
        UnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(events.get(0));
        try {
            for (DomainEventMessage<?> event : events) {
                for (AnnotationEventHandlerAdapter projection : projections) {
                    if (projection.canHandle(event)) {
                        projection.handle(event);
                    }
                }
            }
            return read.get();
        } catch (Exception e) {
            throw new IllegalStateException("Rebuilding a past state failed in schema " + schema, e);
        } finally {
            unitOfWork.rollback();
        }
    }

    private static long last(List<DomainEventMessage<?>> events) {
        return events.stream().map(DomainEventMessage::getSequenceNumber).max(Comparator.naturalOrder()).orElse(-1L);
    }
}
