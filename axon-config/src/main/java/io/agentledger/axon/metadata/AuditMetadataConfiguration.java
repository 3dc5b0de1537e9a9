package io.agentledger.axon.metadata;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Carries the audit metadata from every handled message to the messages it causes. */
@Configuration(proxyBeanMethods = false)
public class AuditMetadataConfiguration {

    @Bean
    public CorrelationDataProvider auditMetadataPropagation() {
        return new SimpleCorrelationDataProvider(AuditMetadata.PROPAGATED.toArray(String[]::new));
    }

    @Bean
    public CorrelationDataProvider causationCorrelationProvider() {
        return new CausationCorrelationProvider();
    }
}
