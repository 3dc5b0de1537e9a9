package io.agentledger.kernel.system;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Seed 003's {@code SystemModification}: before and after of exactly the keys touched. A rollback also
 * names what it rolls back and why; {@code rolledBackBy} names the rollback that undid this one.
 */
public record ModificationView(String id, ModificationType type, String description,
                               Map<String, Object> beforeState, Map<String, Object> afterState, String appliedBy,
                               Instant appliedAt, boolean rollbackAvailable, String impactAssessment,
                               List<String> rollsBack, String reason, String rolledBackBy, long version) {
}
