package io.agentledger.command.identity.auth;

/**
 * Counts password attempts against the account they target, whoever and from wherever sends them,
 * so that guessing one account's password from many addresses is limited too.
 */
public interface LoginAttempts {

    /** Counts one attempt at {@code identifier}; refuses with RATE_LIMITED when the account has had too many. */
    void acquire(String identifier);
}
