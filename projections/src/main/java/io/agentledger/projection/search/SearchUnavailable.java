package io.agentledger.projection.search;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.error.ErrorCode;

/** Elasticsearch cannot be reached or refused to answer. */
public final class SearchUnavailable {

    private SearchUnavailable() {
    }

    public static DomainException because(Exception cause) {
        return new DomainException(ErrorCode.SERVICE_UNAVAILABLE, "Search is unavailable: Elasticsearch did not "
                + "answer (" + cause.getClass().getSimpleName() + "). Stored memory is safe and is indexed once "
                + "it is back.");
    }
}
