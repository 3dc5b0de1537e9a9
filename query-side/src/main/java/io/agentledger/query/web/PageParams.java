package io.agentledger.query.web;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.page.PageSpec;

/** The {@code page} and {@code size} query parameters every list takes. */
public final class PageParams {

    private PageParams() {
    }

    public static PageSpec of(Integer page, Integer size) {
        int p = page == null ? 1 : page;
        int s = size == null ? PageSpec.DEFAULT_SIZE : size;
        if (p < 1) {
            throw DomainException.invalid("page must be at least 1");
        }
        if (s < 1 || s > PageSpec.MAX_SIZE) {
            throw DomainException.invalid("size must be between 1 and " + PageSpec.MAX_SIZE);
        }
        return new PageSpec(p, s);
    }
}
