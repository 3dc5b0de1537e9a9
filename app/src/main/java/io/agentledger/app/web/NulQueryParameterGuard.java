package io.agentledger.app.web;

import io.agentledger.kernel.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;

/** Refuses query strings carrying an encoded NUL ({@code %00}), which PostgreSQL cannot compare. */
public class NulQueryParameterGuard extends OncePerRequestFilter {

    private final ProblemWriter problems;

    public NulQueryParameterGuard(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && query.toLowerCase(Locale.ROOT).contains("%00")) {
            problems.write(request, response, ErrorCode.VALIDATION_ERROR,
                    "Query parameters " + NulCharacterGuard.MESSAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
