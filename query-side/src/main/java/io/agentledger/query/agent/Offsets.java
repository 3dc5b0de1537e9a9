package io.agentledger.query.agent;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.page.PageSpec;

/** Seed 001's {@code skip}/{@code limit} paging: limit 100 when left out, at most {@link PageSpec#MAX_SIZE}. */
final class Offsets {

    private Offsets() {
    }

    static long skip(Long skip) {
        if (skip != null && skip < 0) {
            throw DomainException.invalid("skip must be at least 0");
        }
        return skip == null ? 0 : skip;
    }

    static int limit(Integer limit) {
        if (limit != null && (limit < 1 || limit > PageSpec.MAX_SIZE)) {
            throw DomainException.invalid("limit must be between 1 and " + PageSpec.MAX_SIZE);
        }
        return limit == null ? PageSpec.MAX_SIZE : limit;
    }
}
