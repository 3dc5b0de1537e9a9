package io.agentledger.command.run.runtime;

import java.math.BigDecimal;

/** What one node's model calls consumed. */
public record Usage(String provider, String model, long inputTokens, long outputTokens, int apiCalls, BigDecimal cost,
                    long executionMillis) {

    public static Usage free(String provider, String model, long executionMillis) {
        return new Usage(provider, model, 0, 0, 0, BigDecimal.ZERO, executionMillis);
    }
}
