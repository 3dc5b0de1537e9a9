package io.agentledger.query.live;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.identity.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EventVisibilityTest {

    private static FeedEvent event(String aggregateType) {
        return new FeedEvent(1, Instant.now(), "e1", aggregateType, "a1", 0, "Something", null,
                JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.objectNode(), "t1");
    }

    private static Caller as(Role role) {
        return new Caller("u1", "t1", role, "s1", null);
    }

    @Test
    void usersSeeGoalsRunsAndApprovalsButNotWhatIsForAuditors() {
        FeedFilter filter = EventMessages.visibleTo(as(Role.USER));

        assertThat(filter.test().test(event("GoalAggregate"))).isTrue();
        assertThat(filter.test().test(event("ApprovalAggregate"))).isTrue();
        assertThat(filter.test().test(event("UserAggregate"))).isFalse();
        assertThat(filter.test().test(event(null))).as("an event of no aggregate").isFalse();
        assertThat(filter.sql()).isEqualTo("type IN (?, ?, ?)");
        assertThat(filter.parameters()).containsExactlyInAnyOrder("GoalAggregate", "RunAggregate",
                "ApprovalAggregate");
    }

    @Test
    void auditorsSeeEverything() {
        FeedFilter filter = EventMessages.visibleTo(as(Role.AUDITOR));

        assertThat(filter.test().test(event("UserAggregate"))).isTrue();
        assertThat(filter.test().test(event(null))).isTrue();
        assertThat(filter.test().test(event("RunAggregate"))).isTrue();
        assertThat(filter.sql()).isEqualTo("TRUE");
    }
}
