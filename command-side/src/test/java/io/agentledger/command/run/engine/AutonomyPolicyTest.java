package io.agentledger.command.run.engine;

import io.agentledger.command.run.tool.BuiltInTools;
import io.agentledger.command.run.tool.Tool;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.agentledger.kernel.goal.AutonomyLevel.L0;
import static io.agentledger.kernel.goal.AutonomyLevel.L1;
import static io.agentledger.kernel.goal.AutonomyLevel.L2;
import static io.agentledger.kernel.goal.AutonomyLevel.L3;
import static org.assertj.core.api.Assertions.assertThat;

class AutonomyPolicyTest {

    private final BuiltInTools tools = new BuiltInTools();
    private final Tool search = tools.find("web_search").orElseThrow();
    private final Tool document = tools.find("create_document").orElseThrow();
    private final Tool email = tools.find("send_email").orElseThrow();

    @Test
    void eachLevelGatesWhatItSays() {
        AutonomyPolicy policy = new AutonomyPolicy(new BigDecimal("1.00"));
        assertThat(policy.needsApproval(L0, search)).isTrue();
        assertThat(policy.needsApproval(L1, search)).isFalse();
        assertThat(policy.needsApproval(L1, document)).isTrue();
        assertThat(policy.needsApproval(L1, email)).isTrue();
        assertThat(policy.needsApproval(L2, document)).isFalse();
        assertThat(policy.needsApproval(L2, email)).isTrue();
        assertThat(policy.needsApproval(L3, email)).isFalse();
    }

    @Test
    void atL2ActionsAboveTheCostThresholdNeedApproval() {
        AutonomyPolicy strict = new AutonomyPolicy(new BigDecimal("0.005"));
        assertThat(strict.needsApproval(L2, document)).isTrue();
        assertThat(strict.needsApproval(L2, search)).isFalse();
    }
}
