package io.agentledger.kernel.system;

import org.axonframework.serialization.Revision;

import java.util.Map;

/** The configuration of one tenant changes only through these. */
public sealed interface SystemEvent permits SystemEvent.SystemModified {

    record ValueChange(Object before, Object after) {
    }

    /**
     * {@code changes}: exactly the keys touched, before and after. A rollback is a modification of type
     * {@code ROLLBACK} naming what it rolls back ({@code rollsBack}, empty otherwise) and why ({@code reason}).
     */
    @Revision("1")
    record SystemModified(String configId, String tenantId, String modificationId, ModificationType type,
                          String description, Map<String, ValueChange> changes, String impactAssessment,
                          String appliedBy, java.util.List<String> rollsBack, String reason) implements SystemEvent {
    }
}
