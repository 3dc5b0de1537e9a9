package io.agentledger.app.ratelimit;

import io.agentledger.command.identity.auth.LoginAttempts;
import io.agentledger.command.system.SystemSettings;
import io.agentledger.kernel.error.DomainException;
import io.agentledger.kernel.error.ErrorCode;
import io.agentledger.kernel.system.RateLimitClass;
import org.springframework.stereotype.Component;

import java.util.Locale;

/** Login attempts per target account, at the platform's authentication limit (per minute). */
@Component
public class AccountLoginLimit implements LoginAttempts {

    private final RateLimiter limiter;
    private final SystemSettings settings;

    public AccountLoginLimit(RateLimiter limiter, SystemSettings settings) {
        this.limiter = limiter;
        this.settings = settings;
    }

    @Override
    public void acquire(String identifier) {
        long limit = settings.integer(null, RateLimitClass.AUTHENTICATION.settingKey());
        RateLimiter.Decision decision = limiter.tryAcquire("account:" + identifier.toLowerCase(Locale.ROOT), limit);
        if (!decision.allowed()) {
            throw new DomainException(ErrorCode.RATE_LIMITED, "Too many password attempts for this account: at most "
                    + limit + " a minute; retry in " + Math.max(1, decision.retryAfter().toSeconds()) + " s");
        }
    }
}
