package io.agentledger.app.security;

import io.agentledger.app.ratelimit.RateLimitFilter;
import io.agentledger.app.ratelimit.RateLimiter;
import io.agentledger.app.web.ProblemWriter;
import io.agentledger.command.system.SystemSettings;
import io.agentledger.kernel.identity.Permission;
import io.micrometer.core.instrument.MeterRegistry;
import io.agentledger.command.identity.auth.CallerAuthenticator;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.util.Arrays;
import java.util.List;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    static final RequestMatcher PUBLIC_ROUTES = new OrRequestMatcher(
            antMatcher(HttpMethod.POST, "/api/v1/auth/register"),
            antMatcher(HttpMethod.POST, "/api/v1/auth/login"),
            antMatcher(HttpMethod.POST, "/api/v1/auth/refresh"),
            // seed 002's own sign-up and sign-in
            antMatcher(HttpMethod.POST, "/api/auth/register"),
            antMatcher(HttpMethod.POST, "/api/auth/login"),
            antMatcher("/health"), antMatcher("/health/live"), antMatcher("/health/ready"),
            // seed 000's WebSocket authenticates its ?token= itself, in the handshake
            antMatcher(HttpMethod.GET, "/ws"),
            antMatcher(HttpMethod.GET, "/ws/tasks/*"),
            antMatcher("/openapi.json"), antMatcher("/openapi.json/**"),
            antMatcher("/docs"), antMatcher("/docs/**"), antMatcher("/swagger-ui/**"),
            antMatcher("/error"));

    @Bean
    public SecurityFilterChain securityFilterChain(HttpSecurity http, CallerAuthenticator authenticator,
                                                   ProblemWriter problems, SecurityProblems securityProblems,
                                                   RateLimiter limiter, SystemSettings settings, MeterRegistry meters)
            throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .cors(cors -> { })
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        // a streamed response ends with an async dispatch of the request already authorised
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers(antMatcher(HttpMethod.OPTIONS, "/**")).permitAll()
                        .requestMatchers(PUBLIC_ROUTES).permitAll()
                        .requestMatchers(antMatcher("/actuator/**")).hasAuthority(Permission.READ_SYSTEM)
                        .anyRequest().authenticated())
                .addFilterBefore(new CallerAuthenticationFilter(authenticator, problems, PUBLIC_ROUTES),
                        AnonymousAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(limiter, settings, problems, meters),
                        CallerAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(securityProblems.entryPoint())
                        .accessDeniedHandler(securityProblems.accessDenied()))
                .build();
    }

    /**
     * Every matcher above is a path matcher of its own, none asks Spring MVC; so the per-request handler
     * lookup Spring Security adds for such matchers goes.
     */
    @Bean
    public static NoHandlerLookupCacheFilter noHandlerLookupCacheFilter() {
        return new NoHandlerLookupCacheFilter();
    }

    /**
     * Without this the filter chain stays wrapped in an observing decorator whose observations are then
     * dropped one by one ({@code management.observations.enable.spring.security: false}): a cost on every
     * request for nothing. {@code http.server.requests} is not affected.
     */
    @Bean
    public SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** The default firewall, with its header rules checked by a loop of the same meaning as its expression. */
    @Bean
    public WebSecurityCustomizer fastHeaderRules() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(AssignedNonControlCharacters.INSTANCE);
        firewall.setAllowedHeaderValues(AssignedNonControlCharacters.INSTANCE);
        firewall.setAllowedParameterNames(AssignedNonControlCharacters.INSTANCE);
        return web -> web.httpFirewall(firewall);
    }

    /** {@code CORS_ORIGINS}: comma-separated origins allowed to call the API from a browser. */
    @Bean
    public CorsConfigurationSource corsConfigurationSource(@Value("${CORS_ORIGINS:}") String origins) {
        CorsConfiguration cors = new CorsConfiguration();
        List<String> allowed = Arrays.stream(origins.split(",")).map(String::trim).filter(o -> !o.isEmpty()).toList();
        cors.setAllowedOrigins(allowed);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", CallerAuthenticationFilter.API_KEY_HEADER,
                "If-Match", "X-Request-Id", "X-Correlation-Id"));
        cors.setExposedHeaders(List.of("ETag", "Location", "X-Request-Id", RateLimitFilter.LIMIT,
                RateLimitFilter.REMAINING, RateLimitFilter.RESET, RateLimitFilter.TYPE, "Retry-After"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
