package io.agentledger.kernel.system;

/** The request classes of seed 000's rate limits, each limited per minute by its own setting. */
public enum RateLimitClass {
    AUTHENTICATION, READ, WRITE, AI_INTENSIVE;

    public String settingKey() {
        return "rate_limits." + name().toLowerCase();
    }

    public String label() {
        return name().toLowerCase();
    }
}
