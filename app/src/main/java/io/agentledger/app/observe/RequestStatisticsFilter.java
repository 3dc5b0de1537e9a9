package io.agentledger.app.observe;

import io.agentledger.kernel.identity.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** Outermost: every request counts, refused ones included. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class RequestStatisticsFilter extends OncePerRequestFilter {

    /** Where authentication leaves the {@link Caller} for this filter, which runs outside the security chain. */
    public static final String CALLER = RequestStatisticsFilter.class.getName() + ".caller";

    private final RequestStatistics statistics;

    public RequestStatisticsFilter(RequestStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            Object caller = request.getAttribute(CALLER);
            statistics.record(response.getStatus(), System.nanoTime() - start,
                    caller instanceof Caller c ? c.userId() : null);
        }
    }
}
