package io.agentledger.query.history;

import io.agentledger.kernel.approval.ApprovalEvent.ApprovalRequested;
import io.agentledger.kernel.goal.GoalEvent.GoalCreated;
import io.agentledger.kernel.goal.GoalEvent.GoalStarted;
import io.agentledger.kernel.run.RunEvent.RunCreated;
import io.agentledger.kernel.run.RunEvent.StepGated;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The events of a goal and of everything that hangs off it (its runs, their approvals): the read
 * models of any one of them draw on the others, so they are rebuilt together. Found through the
 * events alone (no read model), so a past state never depends on a projection's progress.
 */
final class ResourceFamily {

    private ResourceFamily() {
    }

    /** Every event of the family of {@code root}, whose own events are {@code rootEvents}. */
    static List<DomainEventMessage<?>> of(EventStore store, String root, List<DomainEventMessage<?>> rootEvents) {
        String goalId = goalOf(rootEvents.get(0).getPayload());
        if (goalId == null) {
            return rootEvents;
        }
        Set<String> members = new LinkedHashSet<>(List.of(goalId));
        List<DomainEventMessage<?>> goalEvents = root.equals(goalId) ? rootEvents : read(store, goalId);
        List<DomainEventMessage<?>> family = new ArrayList<>(goalEvents);
        for (DomainEventMessage<?> goalEvent : goalEvents) {
            if (goalEvent.getPayload() instanceof GoalStarted started && members.add(started.runId())) {
                List<DomainEventMessage<?>> runEvents = read(store, started.runId());
                family.addAll(runEvents);
                for (DomainEventMessage<?> runEvent : runEvents) {
                    if (runEvent.getPayload() instanceof StepGated gated && members.add(gated.approvalId())) {
                        family.addAll(read(store, gated.approvalId()));
                    }
                }
            }
        }
        if (members.add(root)) {
            family.addAll(rootEvents);
        }
        return family;
    }

    static List<DomainEventMessage<?>> read(EventStore store, String aggregateId) {
        return store.readEvents(aggregateId, 0).asStream().<DomainEventMessage<?>>map(event -> event).toList();
    }

    private static String goalOf(Object firstPayload) {
        if (firstPayload instanceof GoalCreated created) {
            return created.goalId();
        }
        if (firstPayload instanceof RunCreated created) {
            return created.goalId();
        }
        if (firstPayload instanceof ApprovalRequested requested) {
            return requested.goalId();
        }
        return null;
    }
}
