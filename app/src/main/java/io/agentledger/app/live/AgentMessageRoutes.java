package io.agentledger.app.live;

import io.agentledger.kernel.identity.Caller;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Map;

/**
 * Seed 003's agent message protocol over RSocket: request-response on {@code agents.message} with the
 * envelope as data, answered with the response (or error) envelope; deliveries arrive on the
 * {@code agents} stream as {@code agent:message} and {@code agent:broadcast}.
 */
@Controller
public class AgentMessageRoutes {

    private final AgentMessageProtocol protocol;

    public AgentMessageRoutes(AgentMessageProtocol protocol) {
        this.protocol = protocol;
    }

    @MessageMapping("agents.message")
    public Mono<Map<String, Object>> message(@Payload(required = false) Map<String, Object> envelope,
                                             @AuthenticationPrincipal Caller caller) {
        return Mono.fromCallable(() -> protocol.handle(envelope, caller)).subscribeOn(Schedulers.boundedElastic());
    }
}
