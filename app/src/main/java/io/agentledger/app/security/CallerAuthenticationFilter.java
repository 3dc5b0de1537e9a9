package io.agentledger.app.security;

import io.agentledger.app.observe.RequestStatisticsFilter;
import io.agentledger.app.web.ProblemWriter;
import io.agentledger.command.identity.auth.CallerAuthenticator;
import io.agentledger.kernel.error.ErrorCode;
import io.agentledger.kernel.identity.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Authenticates by {@code X-API-Key} first, then {@code Authorization: Bearer}; credentials that
 * are sent but not valid are refused with 401. The public routes (login, registration, refresh…)
 * ignore any credentials sent with them: a stale token must not stand in the way of getting a new
 * one, and a request there counts and is recorded as anonymous, never as someone's.
 */
public class CallerAuthenticationFilter extends OncePerRequestFilter {

    public static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    private final CallerAuthenticator authenticator;
    private final ProblemWriter problems;
    private final RequestMatcher publicRoutes;

    public CallerAuthenticationFilter(CallerAuthenticator authenticator, ProblemWriter problems,
                                      RequestMatcher publicRoutes) {
        this.authenticator = authenticator;
        this.problems = problems;
        this.publicRoutes = publicRoutes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return publicRoutes.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String apiKey = request.getHeader(API_KEY_HEADER);
        String authorization = request.getHeader("Authorization");
        Optional<Caller> caller;
        String refusal;
        if (apiKey != null) {
            caller = authenticator.byApiKey(apiKey.trim());
            refusal = "Invalid, expired or revoked API key";
        } else if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            caller = authenticator.byAccessToken(authorization.substring(BEARER.length()).trim());
            refusal = "Invalid or expired access token";
        } else {
            chain.doFilter(request, response);
            return;
        }
        if (caller.isPresent()) {
            Caller c = caller.get();
            var authentication = new UsernamePasswordAuthenticationToken(c, null,
                    c.role().permissions().stream().map(SimpleGrantedAuthority::new).toList());
            SecurityContextHolder.getContext().setAuthentication(authentication);
            request.setAttribute(RequestStatisticsFilter.CALLER, c);
        } else {
            problems.write(request, response, ErrorCode.UNAUTHORIZED, refusal);
            return;
        }
        chain.doFilter(request, response);
    }
}
