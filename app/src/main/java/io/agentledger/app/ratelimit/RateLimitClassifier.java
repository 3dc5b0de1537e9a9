package io.agentledger.app.ratelimit;

import io.agentledger.kernel.system.RateLimitClass;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which of seed 000's classes a request counts against. Authentication: every non-GET under
 * {@code /api/v1/auth/}, and checking a guessed credential; AI-intensive: what sets an agent running; read: GET and HEAD; write: the
 * rest of the API. Health probes, the API docs and CORS preflights are not limited.
 */
final class RateLimitClassifier {

    private static final List<Pattern> AI_INTENSIVE = List.of(
            Pattern.compile("/api/v1/goals/[^/]+/start"),
            Pattern.compile("/api/v1/runs/[^/]+/resume"));
    /** Routes that answer whether a guessed secret is right count as authentication. */
    private static final List<String> GUESSING = List.of("/api/v1/credentials/verify");
    private static final List<String> EXEMPT = List.of("/health", "/openapi.json", "/docs", "/swagger-ui");

    private RateLimitClassifier() {
    }

    static Optional<RateLimitClass> classify(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        if ("OPTIONS".equals(method) || EXEMPT.stream().anyMatch(prefix -> path.equals(prefix)
                || path.startsWith(prefix + "/"))) {
            return Optional.empty();
        }
        boolean reading = "GET".equals(method) || "HEAD".equals(method);
        if (!reading && (path.startsWith("/api/v1/auth/") || path.startsWith("/api/auth/") || GUESSING.contains(path))) {
            return Optional.of(RateLimitClass.AUTHENTICATION);
        }
        if (!reading && AI_INTENSIVE.stream().anyMatch(pattern -> pattern.matcher(path).matches())) {
            return Optional.of(RateLimitClass.AI_INTENSIVE);
        }
        return Optional.of(reading ? RateLimitClass.READ : RateLimitClass.WRITE);
    }
}
