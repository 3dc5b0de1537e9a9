package io.agentledger.command.stepup;

import com.webauthn4j.WebAuthnManager;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StepUpProperties.class)
public class StepUpConfiguration {

    @Bean
    public ConfigurerModule stepUpLookupIsSubscribing() {
        return configurer -> configurer.eventProcessing().registerSubscribingEventProcessor(StepUpLookupUpdater.GROUP);
    }

    /** Non-strict: attestation statements are checked for form; no vendor trust anchors are configured. */
    @Bean
    public WebAuthnManager webAuthnManager() {
        return WebAuthnManager.createNonStrictWebAuthnManager();
    }
}
