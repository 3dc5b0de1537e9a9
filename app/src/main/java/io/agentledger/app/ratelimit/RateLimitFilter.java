package io.agentledger.app.ratelimit;

import io.agentledger.app.security.CurrentCaller;
import io.agentledger.app.web.ProblemWriter;
import io.agentledger.command.system.SystemSettings;
import io.agentledger.kernel.error.ErrorCode;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.system.RateLimitClass;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Seed 000's rate limits, after authentication: a signed-in caller's requests count against the
 * caller (limits from the tenant's settings, capped by the platform's), anonymous ones, and every
 * request to the public authentication routes, against the client's IP address (limits from the
 * platform's). Every limited response carries {@code X-RateLimit-Limit}, {@code -Remaining},
 * {@code -Reset} (epoch seconds when the allowance is whole again) and {@code -Type}; a refused one
 * is a 429 with {@code Retry-After}.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    public static final String LIMIT = "X-RateLimit-Limit";
    public static final String REMAINING = "X-RateLimit-Remaining";
    public static final String RESET = "X-RateLimit-Reset";
    public static final String TYPE = "X-RateLimit-Type";

    private final RateLimiter limiter;
    private final SystemSettings settings;
    private final ProblemWriter problems;
    private final MeterRegistry meters;

    public RateLimitFilter(RateLimiter limiter, SystemSettings settings, ProblemWriter problems, MeterRegistry meters) {
        this.limiter = limiter;
        this.settings = settings;
        this.problems = problems;
        this.meters = meters;
    }

    /** A tenant may lower its users' limits, never raise them above the platform's. */
    private long limitFor(Caller caller, RateLimitClass kind) {
        long platform = settings.integer(null, kind.settingKey());
        return caller == null ? platform : Math.min(platform, settings.integer(caller.tenantId(), kind.settingKey()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<RateLimitClass> limitClass = RateLimitClassifier.classify(request);
        if (limitClass.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        RateLimitClass kind = limitClass.get();
        Caller caller = CurrentCaller.get().orElse(null);
        String type = caller != null ? "user" : "ip";
        String subject = caller != null ? caller.userId() : request.getRemoteAddr();
        long limit = limitFor(caller, kind);
        RateLimiter.Decision decision = limiter.tryAcquire(type + ":" + subject + ":" + kind.label(), limit);
        response.setHeader(LIMIT, Long.toString(decision.limit()));
        response.setHeader(REMAINING, Long.toString(decision.remaining()));
        response.setHeader(RESET, Long.toString(decision.fullAgainAt().getEpochSecond()));
        response.setHeader(TYPE, type);
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        meters.counter("agentledger.rate_limit.refused", "class", kind.label(), "type", type).increment();
        long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
        response.setHeader("Retry-After", Long.toString(seconds));
        problems.write(request, response, ErrorCode.RATE_LIMITED, "Too many " + kind.label().replace('_', '-')
                + " requests: at most " + limit + " a minute per " + (caller != null ? "user" : "IP address")
                + "; retry in " + seconds + " s");
    }
}
