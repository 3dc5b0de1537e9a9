package io.agentledger.app.live;

import io.agentledger.app.ratelimit.RateLimiter;
import io.agentledger.axon.errors.LiveFailure;
import io.agentledger.command.system.SystemSettings;
import io.agentledger.kernel.error.ErrorCode;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.system.RateLimitClass;
import io.rsocket.Payload;

/**
 * What one RSocket request may cost: a payload of at most {@code maxPayloadBytes}, at most
 * {@code maxStreams} open streams per connection, and the caller's REST rate limits (streams count
 * as reads, client messages as writes; the tenant's limits capped by the platform's).
 */
class LiveLimits {

    private final int maxPayloadBytes;
    private final int maxStreams;
    private final RateLimiter limiter;
    private final SystemSettings settings;

    LiveLimits(int maxPayloadBytes, int maxStreams, RateLimiter limiter, SystemSettings settings) {
        this.maxPayloadBytes = maxPayloadBytes;
        this.maxStreams = maxStreams;
        this.limiter = limiter;
        this.settings = settings;
    }

    int maxStreams() {
        return maxStreams;
    }

    void checkSize(Payload payload) {
        long size = (long) payload.data().readableBytes() + (payload.hasMetadata() ? payload.metadata().readableBytes() : 0);
        if (size > maxPayloadBytes) {
            throw new LiveFailure(ErrorCode.PAYLOAD_TOO_LARGE, "A request's payload may hold at most "
                    + maxPayloadBytes + " bytes");
        }
    }

    void checkRate(Caller caller, RateLimitClass kind) {
        long limit = Math.min(settings.integer(null, kind.settingKey()),
                settings.integer(caller.tenantId(), kind.settingKey()));
        RateLimiter.Decision decision = limiter.tryAcquire("user:" + caller.userId() + ":" + kind.label(), limit);
        if (!decision.allowed()) {
            throw new LiveFailure(ErrorCode.RATE_LIMITED, "Too many " + kind.label().replace('_', '-')
                    + " requests: at most " + limit + " a minute per user; retry in "
                    + Math.max(1, decision.retryAfter().toSeconds()) + " s");
        }
    }
}
