package io.agentledger.kernel.workflow;

/** Seed 003's retry policy: attempts in all (1: no retry), backoff {@code fixed}, {@code linear} or {@code exponential}. */
public record RetryPolicy(int maxAttempts, String backoffStrategy, long delayMs) {

    public static final RetryPolicy NONE = new RetryPolicy(1, "fixed", 0);

    /** The wait before attempt {@code next} (2 for the first retry). */
    public long delayBefore(int next) {
        int retry = Math.max(1, next - 1);
        return switch (backoffStrategy == null ? "fixed" : backoffStrategy) {
            case "linear" -> delayMs * retry;
            case "exponential" -> delayMs * (1L << Math.min(20, retry - 1));
            default -> delayMs;
        };
    }
}
