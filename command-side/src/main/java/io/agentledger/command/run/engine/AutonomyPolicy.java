package io.agentledger.command.run.engine;

import io.agentledger.command.run.tool.Tool;
import io.agentledger.command.run.tool.ToolKind;
import io.agentledger.kernel.goal.AutonomyLevel;

import java.math.BigDecimal;

/**
 * When a tool action needs a human first. L0: every action; L1: every side-effecting or external
 * action; L2: external communication, and actions estimated above the cost threshold (the tenant's
 * setting {@code approvals.cost_threshold}); L3: none.
 */
public class AutonomyPolicy {

    private final BigDecimal costThreshold;

    public AutonomyPolicy(BigDecimal costThreshold) {
        this.costThreshold = costThreshold;
    }

    public boolean needsApproval(AutonomyLevel level, Tool tool) {
        return switch (level) {
            case L0 -> true;
            case L1 -> tool.kind() != ToolKind.READ_ONLY;
            case L2 -> tool.kind() == ToolKind.EXTERNAL_COMMUNICATION
                    || tool.estimatedCost().compareTo(costThreshold) > 0;
            case L3 -> false;
        };
    }

    public String reason(AutonomyLevel level, Tool tool) {
        return "Autonomy level " + level + " requires approval for " + tool.kind().name().toLowerCase()
                .replace('_', ' ') + " action " + tool.name();
    }
}
