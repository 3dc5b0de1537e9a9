package io.agentledger.query.workflow;

import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.page.PageSpec;
import io.agentledger.query.web.PageParams;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 004's lists take {@code limit} (1–1000, default 100) and {@code offset} and answer
 * {@code {<name>: [...], total, limit, offset}}; {@code page}/{@code size} answer the usual page.
 */
record ListShape(boolean seed004, long offset, int limit, PageSpec page) {

    static final int MAX_LIMIT = 1000;

    static ListShape of(Integer page, Integer size, Long offset, Integer limit) {
        if (page != null || size != null) {
            if (offset != null || limit != null) {
                throw DomainException.invalid("page with size, or limit with offset: not both");
            }
            PageSpec spec = PageParams.of(page, size);
            return new ListShape(false, spec.offset(), spec.size(), spec);
        }
        if (offset != null && offset < 0) {
            throw DomainException.invalid("offset must be at least 0");
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw DomainException.invalid("limit must be between 1 and " + MAX_LIMIT);
        }
        return new ListShape(true, offset == null ? 0 : offset, limit == null ? 100 : limit, null);
    }

    Map<String, Object> answer(String name, List<?> items, long total) {
        Map<String, Object> answer = new LinkedHashMap<>();
        if (seed004) {
            answer.put(name, items);
            answer.put("total", total);
            answer.put("limit", limit);
            answer.put("offset", offset);
        } else {
            answer.put("items", items);
            answer.put("total", total);
            answer.put("page", page.page());
            answer.put("size", page.size());
            answer.put("pages", page.pages(total));
        }
        return answer;
    }
}
