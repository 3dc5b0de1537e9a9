package io.agentledger.app.ratelimit;

import io.agentledger.kernel.system.RateLimitClass;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitClassifierTest {

    private static Optional<RateLimitClass> classify(String method, String path) {
        return RateLimitClassifier.classify(new MockHttpServletRequest(method, path));
    }

    @Test
    void eachRequestFallsInTheSeedsClass() {
        assertThat(classify("POST", "/api/v1/auth/login")).contains(RateLimitClass.AUTHENTICATION);
        assertThat(classify("POST", "/api/v1/auth/biometric/verify")).contains(RateLimitClass.AUTHENTICATION);
        assertThat(classify("GET", "/api/v1/auth/me")).contains(RateLimitClass.READ);
        assertThat(classify("POST", "/api/v1/credentials/verify")).as("a guessing oracle counts as authentication")
                .contains(RateLimitClass.AUTHENTICATION);
        assertThat(classify("POST", "/api/v1/goals/goal_1/start")).contains(RateLimitClass.AI_INTENSIVE);
        assertThat(classify("POST", "/api/v1/runs/run_1/resume")).contains(RateLimitClass.AI_INTENSIVE);
        assertThat(classify("POST", "/api/v1/runs/run_1/pause")).contains(RateLimitClass.WRITE);
        assertThat(classify("DELETE", "/api/v1/goals/goal_1")).contains(RateLimitClass.WRITE);
        assertThat(classify("GET", "/api/v1/goals")).contains(RateLimitClass.READ);
        assertThat(classify("GET", "/metrics")).contains(RateLimitClass.READ);
    }

    @Test
    void probesDocsAndPreflightsAreNotLimited() {
        assertThat(classify("GET", "/health")).isEmpty();
        assertThat(classify("GET", "/health/ready")).isEmpty();
        assertThat(classify("GET", "/docs/index.html")).isEmpty();
        assertThat(classify("GET", "/openapi.json")).isEmpty();
        assertThat(classify("OPTIONS", "/api/v1/goals")).isEmpty();
        assertThat(classify("GET", "/healthy")).contains(RateLimitClass.READ);
    }
}
