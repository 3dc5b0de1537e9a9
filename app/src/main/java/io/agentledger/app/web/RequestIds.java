package io.agentledger.app.web;

import io.agentledger.kernel.id.IdPrefix;
import io.agentledger.kernel.id.Ids;
import jakarta.servlet.http.HttpServletRequest;

import java.util.regex.Pattern;

public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = RequestIds.class.getName();
    public static final String MDC_KEY = "request_id";
    private static final Pattern ACCEPTABLE = Pattern.compile("^[A-Za-z0-9._:-]{1,100}$");

    private RequestIds() {
    }

    /** The client's own request id when it is a sane one, a new one otherwise. */
    static String fromClientOrNew(String header) {
        return header != null && ACCEPTABLE.matcher(header).matches() ? header : Ids.newId(IdPrefix.REQUEST);
    }

    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? null : id.toString();
    }
}
