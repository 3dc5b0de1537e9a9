package io.agentledger.kernel.system;

import io.agentledger.kernel.page.PageSpec;

import java.time.Instant;

public final class SystemQueries {

    private SystemQueries() {
    }

    /** The configuration's version as the modification history shows it. */
    public record FindConfigVersion(String tenantId) {
    }

    /** Null filters: any. */
    public record ListModifications(String tenantId, ModificationType type, String appliedBy, Instant dateFrom,
                                    Instant dateTo, PageSpec pageSpec) {
    }

    public record FindModification(String tenantId, String modificationId) {
    }
}
