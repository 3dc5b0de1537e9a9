package io.agentledger.app.live;

import io.agentledger.axon.errors.LiveFailure;
import io.agentledger.kernel.error.ErrorCode;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.util.RSocketProxy;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.atomic.AtomicBoolean;

/** Runs every request of one connection as the caller its credential stands for now. */
final class AuthenticatedRSocket extends RSocketProxy {

    private final LiveAuthentication authentication;
    private final String token;

    AuthenticatedRSocket(RSocket source, LiveAuthentication authentication, String token) {
        super(source);
        this.authentication = authentication;
        this.token = token;
    }

    @Override
    public Mono<Void> fireAndForget(Payload payload) {
        AtomicBoolean handedOver = new AtomicBoolean();
        return authentication.context(token).flatMap(context -> {
            handedOver.set(true);
            return super.fireAndForget(payload).contextWrite(context);
        }).doOnError(refused -> releaseUnlessHandedOver(payload, handedOver));
    }

    @Override
    public Mono<Payload> requestResponse(Payload payload) {
        AtomicBoolean handedOver = new AtomicBoolean();
        return authentication.context(token).flatMap(context -> {
            handedOver.set(true);
            return super.requestResponse(payload).contextWrite(context);
        }).doOnError(refused -> releaseUnlessHandedOver(payload, handedOver));
    }

    @Override
    public Flux<Payload> requestStream(Payload payload) {
        AtomicBoolean revoked = new AtomicBoolean();
        Mono<Boolean> revocation = Flux.interval(authentication.recheck())
                .concatMap(tick -> Mono.fromCallable(() -> authentication.authenticate(token).isEmpty())
                        .subscribeOn(Schedulers.boundedElastic()))
                .filter(Boolean::booleanValue)
                .next()
                .doOnNext(revoked::set);
        AtomicBoolean handedOver = new AtomicBoolean();
        return authentication.context(token)
                .flatMapMany(context -> {
                    handedOver.set(true);
                    return super.requestStream(payload).contextWrite(context);
                })
                .takeUntilOther(revocation)
                .concatWith(Mono.defer(() -> revoked.get() ? Mono.error(new LiveFailure(ErrorCode.UNAUTHORIZED,
                        "The credential of this connection was revoked or expired; connect again")) : Mono.empty()))
                .doOnError(refused -> releaseUnlessHandedOver(payload, handedOver));
    }

    @Override
    public Flux<Payload> requestChannel(Publisher<Payload> payloads) {
        return Flux.error(new LiveFailure(ErrorCode.BAD_REQUEST, "Request-channel is not offered; use the "
                + "request-stream routes and request-response for client messages"));
    }

    /** A request refused before it reached the routes still owns its payload; once handed over, the routes do. */
    private static void releaseUnlessHandedOver(Payload payload, AtomicBoolean handedOver) {
        if (!handedOver.get() && payload.refCnt() > 0) {
            payload.release();
        }
    }
}
