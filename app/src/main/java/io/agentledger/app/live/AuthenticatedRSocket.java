package io.agentledger.app.live;

import io.agentledger.axon.errors.LiveFailure;
import io.agentledger.kernel.error.ErrorCode;
import io.agentledger.kernel.identity.Caller;
import io.agentledger.kernel.system.RateLimitClass;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.util.RSocketProxy;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs every request of one connection as the caller its credential stands for now, within the
 * connection's limits (payload size, open streams, the caller's rate limits). An open stream ends once
 * the credential is revoked or the caller's role or tenant changes.
 */
final class AuthenticatedRSocket extends RSocketProxy {

    private final LiveAuthentication authentication;
    private final LiveLimits limits;
    private final String token;
    private final AtomicInteger openStreams = new AtomicInteger();

    AuthenticatedRSocket(RSocket source, LiveAuthentication authentication, String token) {
        super(source);
        this.authentication = authentication;
        this.limits = authentication.limits();
        this.token = token;
    }

    @Override
    public Mono<Void> fireAndForget(Payload payload) {
        AtomicBoolean handedOver = new AtomicBoolean();
        return admit(payload, RateLimitClass.WRITE).flatMap(caller -> {
            handedOver.set(true);
            return super.fireAndForget(payload).contextWrite(LiveAuthentication.context(caller));
        }).doOnError(refused -> releaseUnlessHandedOver(payload, handedOver));
    }

    @Override
    public Mono<Payload> requestResponse(Payload payload) {
        AtomicBoolean handedOver = new AtomicBoolean();
        return admit(payload, RateLimitClass.WRITE).flatMap(caller -> {
            handedOver.set(true);
            return super.requestResponse(payload).contextWrite(LiveAuthentication.context(caller));
        }).doOnError(refused -> releaseUnlessHandedOver(payload, handedOver));
    }

    @Override
    public Flux<Payload> requestStream(Payload payload) {
        AtomicBoolean handedOver = new AtomicBoolean();
        AtomicBoolean counted = new AtomicBoolean();
        return admit(payload, RateLimitClass.READ)
                .doOnNext(caller -> {
                    if (openStreams.incrementAndGet() > limits.maxStreams()) {
                        openStreams.decrementAndGet();
                        throw new LiveFailure(ErrorCode.RATE_LIMITED, "At most " + limits.maxStreams()
                                + " streams may be open on one connection");
                    }
                    counted.set(true);
                })
                .flatMapMany(caller -> {
                    handedOver.set(true);
                    AtomicBoolean revoked = new AtomicBoolean();
                    return super.requestStream(payload).contextWrite(LiveAuthentication.context(caller))
                            .takeUntilOther(noLonger(caller).doOnNext(revoked::set))
                            .concatWith(Mono.defer(() -> revoked.get() ? Mono.error(new LiveFailure(
                                    ErrorCode.UNAUTHORIZED, "The credential of this connection was revoked or "
                                    + "expired, or its role or tenant changed; connect again")) : Mono.empty()));
                })
                .doOnError(refused -> releaseUnlessHandedOver(payload, handedOver))
                .doFinally(signal -> {
                    if (counted.get()) {
                        openStreams.decrementAndGet();
                    }
                });
    }

    @Override
    public Flux<Payload> requestChannel(Publisher<Payload> payloads) {
        return Flux.error(new LiveFailure(ErrorCode.BAD_REQUEST, "Request-channel is not offered; use the "
                + "request-stream routes and request-response for client messages"));
    }

    /** The caller, once the payload's size and the caller's rate limit allow the request. */
    private Mono<Caller> admit(Payload payload, RateLimitClass kind) {
        return Mono.fromRunnable(() -> limits.checkSize(payload))
                .then(authentication.caller(token))
                .doOnNext(caller -> limits.checkRate(caller, kind));
    }

    /** Emits true once the credential no longer stands for {@code opened}'s user, role and tenant. */
    private Mono<Boolean> noLonger(Caller opened) {
        return Flux.interval(authentication.recheck())
                .concatMap(tick -> Mono.fromCallable(() -> authentication.authenticate(token)
                                .map(now -> now.role() != opened.role() || !now.tenantId().equals(opened.tenantId()))
                                .orElse(true))
                        .subscribeOn(Schedulers.boundedElastic()))
                .filter(Boolean::booleanValue)
                .next();
    }

    /** A request refused before it reached the routes still owns its payload; once handed over, the routes do. */
    private static void releaseUnlessHandedOver(Payload payload, AtomicBoolean handedOver) {
        if (!handedOver.get() && payload.refCnt() > 0) {
            payload.release();
        }
    }
}
