package io.agentledger.app.security;

import io.agentledger.app.web.ProblemWriter;
import io.agentledger.kernel.error.ErrorCode;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** Problem bodies for the answers Spring Security gives before a controller runs. */
@Component
public class SecurityProblems {

    public static final String AUTHENTICATION_REQUIRED =
            "Authentication required: send Authorization: Bearer <access token> or X-API-Key: <key>";

    private final ProblemWriter problems;

    public SecurityProblems(ProblemWriter problems) {
        this.problems = problems;
    }

    AuthenticationEntryPoint entryPoint() {
        return (request, response, e) -> problems.write(request, response, ErrorCode.UNAUTHORIZED,
                AUTHENTICATION_REQUIRED);
    }

    AccessDeniedHandler accessDenied() {
        return (request, response, e) -> problems.write(request, response, ErrorCode.FORBIDDEN,
                "Your role does not allow this operation");
    }
}
