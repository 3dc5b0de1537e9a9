package io.agentledger.projection.search;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Elasticsearch cannot be reached or refused to answer. */
public final class SearchUnavailable {

    private static final Logger log = LoggerFactory.getLogger(SearchUnavailable.class);

    private SearchUnavailable() {
    }

    public static DomainException because(Exception cause) {
        log.warn("Elasticsearch did not answer: {}", cause.toString());
        return new DomainException(ErrorCode.SERVICE_UNAVAILABLE, "Search is unavailable: Elasticsearch did not "
                + "answer (" + cause.getClass().getSimpleName() + "). Stored memory is safe and is indexed once "
                + "it is back.");
    }
}
