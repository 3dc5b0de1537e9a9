package io.agentledger.command.run.tool;

import java.math.BigDecimal;
import java.util.Map;

public interface Tool {

    String name();

    String description();

    ToolKind kind();

    BigDecimal estimatedCost();

    /** Parameter names and what each means, for planners and language models. */
    Map<String, String> parameters();

    /**
     * Does the work. Tools with effects write them through {@code effects}, in the transaction that
     * also records the invocation, so a step done again never repeats its effect.
     */
    Map<String, Object> execute(Map<String, Object> parameters, ToolEffects effects);
}
