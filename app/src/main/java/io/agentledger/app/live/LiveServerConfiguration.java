package io.agentledger.app.live;

import io.agentledger.app.ratelimit.RateLimiter;
import io.agentledger.command.identity.auth.CallerAuthenticator;
import io.agentledger.command.system.SystemSettings;
import io.agentledger.query.live.EventFeed;
import io.agentledger.query.live.LiveProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.rsocket.RSocketMessageHandlerCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.rsocket.server.RSocketServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.messaging.handler.MessagingAdviceBean;
import org.springframework.messaging.rsocket.annotation.support.RSocketMessageHandler;
import org.springframework.security.messaging.handler.invocation.reactive.AuthenticationPrincipalArgumentResolver;

import java.time.Duration;

/**
 * The live API: RSocket over TCP ({@code spring.rsocket.server.port}, 7000) for services and over
 * WebSocket ({@code agentledger.live.websocket-port}, 7001) for browsers, both answering with the same
 * routes, both requiring a credential in the SETUP frame.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LiveProperties.class)
public class LiveServerConfiguration {

    @Bean
    LiveAuthentication liveAuthentication(CallerAuthenticator authenticator,
                                          @Value("${agentledger.live.recheck-interval:PT1M}") Duration recheck,
                                          @Value("${agentledger.live.max-payload-bytes:65536}") int maxPayloadBytes,
                                          @Value("${agentledger.live.max-streams-per-connection:32}") int maxStreams,
                                          RateLimiter limiter, SystemSettings settings) {
        return new LiveAuthentication(authenticator, recheck, new LiveLimits(maxPayloadBytes, maxStreams, limiter,
                settings));
    }

    @Bean
    RSocketServerCustomizer liveServerCustomizer(LiveAuthentication authentication) {
        return server -> server.interceptors(registry -> registry.forSocketAcceptor(authentication));
    }

    /** Routes take the caller as {@code @AuthenticationPrincipal Caller}; failures become {@link LiveErrorAdvice}'s answers. */
    @Bean
    RSocketMessageHandlerCustomizer liveHandlerCustomizer() {
        LiveErrorAdvice advice = new LiveErrorAdvice();
        return handler -> {
            handler.getArgumentResolverConfigurer().addCustomResolver(new AuthenticationPrincipalArgumentResolver());
            handler.registerMessagingAdvice(new MessagingAdviceBean() {
                @Override
                public Class<?> getBeanType() {
                    return LiveErrorAdvice.class;
                }

                @Override
                public Object resolveBean() {
                    return advice;
                }

                @Override
                public boolean isApplicableToBeanType(Class<?> beanType) {
                    return true;
                }

                @Override
                public int getOrder() {
                    return 0;
                }
            });
        };
    }

    @Bean
    WebSocketLiveServer webSocketLiveServer(RSocketMessageHandler handler, RSocketServerCustomizer liveServerCustomizer,
                                            ReactorResourceFactory resources,
                                            @Value("${agentledger.live.websocket-address:}") String address,
                                            @Value("${agentledger.live.websocket-port:7001}") int port) {
        return new WebSocketLiveServer(handler, liveServerCustomizer, resources, address, port);
    }

    @Bean
    Gauge liveSubscribers(MeterRegistry registry, EventFeed feed) {
        Gauge.builder("agentledger.live.window.events", feed, EventFeed::buffered)
                .description("Events the live feed holds in memory for its subscribers").register(registry);
        return Gauge.builder("agentledger.live.subscribers", feed, EventFeed::subscribers)
                .description("Open live subscriptions on this node").register(registry);
    }
}
