package io.agentledger.app.live;

import io.agentledger.axon.errors.LiveFailure;
import io.agentledger.command.apikey.ApiKeyService;
import io.agentledger.command.identity.auth.CallerAuthenticator;
import io.agentledger.kernel.error.ErrorCode;
import io.agentledger.kernel.identity.Caller;
import io.rsocket.RSocket;
import io.rsocket.SocketAcceptor;
import io.rsocket.exceptions.RejectedSetupException;
import io.rsocket.plugins.SocketAcceptorInterceptor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

import java.time.Duration;
import java.util.Optional;

/**
 * Refuses a connection whose SETUP carries no valid credential, and authenticates every request on an
 * accepted one with that credential again, so a revoked key or ended session stops working at once:
 * new requests are refused, and open streams end within {@code recheck}.
 */
class LiveAuthentication implements SocketAcceptorInterceptor {

    static final String MISSING = "Authentication required: send a bearer token (access token or API key) in the "
            + "SETUP metadata, as message/x.rsocket.authentication.v0";

    private final CallerAuthenticator authenticator;
    private final Duration recheck;
    private final LiveLimits limits;

    LiveAuthentication(CallerAuthenticator authenticator, Duration recheck, LiveLimits limits) {
        this.authenticator = authenticator;
        this.recheck = recheck;
        this.limits = limits;
    }

    LiveLimits limits() {
        return limits;
    }

    @Override
    public SocketAcceptor apply(SocketAcceptor acceptor) {
        return (setup, sendingSocket) -> {
            Optional<String> token = SetupCredentials.bearer(setup);
            if (token.isEmpty()) {
                return Mono.error(new RejectedSetupException(new LiveFailure(ErrorCode.UNAUTHORIZED, MISSING)
                        .getMessage()));
            }
            return Mono.fromCallable(() -> authenticate(token.get()))
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMap(caller -> caller.isPresent()
                            ? acceptor.accept(setup, sendingSocket)
                            .map(rsocket -> (RSocket) new AuthenticatedRSocket(rsocket, this, token.get()))
                            : Mono.error(new RejectedSetupException(new LiveFailure(ErrorCode.UNAUTHORIZED,
                            refusal(token.get())).getMessage())));
        };
    }

    Duration recheck() {
        return recheck;
    }

    Optional<Caller> authenticate(String token) {
        return token.startsWith(ApiKeyService.KEY_PREFIX) ? authenticator.byApiKey(token)
                : authenticator.byAccessToken(token);
    }

    static String refusal(String token) {
        return token.startsWith(ApiKeyService.KEY_PREFIX) ? "Invalid, expired or revoked API key"
                : "Invalid or expired access token";
    }

    /** The caller a request on a connection authenticated with {@code token} runs as, now. */
    Mono<Caller> caller(String token) {
        return Mono.fromCallable(() -> authenticate(token))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(caller -> caller.map(Mono::just)
                        .orElseGet(() -> Mono.error(new LiveFailure(ErrorCode.UNAUTHORIZED, refusal(token)
                                + "; connect again with a valid credential"))));
    }

    /** The security context of a request made by {@code caller}. */
    static Context context(Caller caller) {
        return ReactiveSecurityContextHolder.withAuthentication(new UsernamePasswordAuthenticationToken(caller, null,
                caller.role().permissions().stream().map(SimpleGrantedAuthority::new).toList()));
    }
}
