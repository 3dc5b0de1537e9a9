package io.agentledger.axon.processing;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Every event handler propagates its failures: a tracking processor then retries the event with
 * back-off instead of logging and skipping it, and a subscribing one fails the command's transaction.
 * Failures and recoveries of streaming processors are recorded for health.
 * <p>
 * Tracking, not pooled: a pooled processor learns of new events only from a stream that offers an
 * availability callback, which the embedded event store's does not, so an idle one polls every 500 ms;
 * a tracking processor is woken by the append. A processor whose segment another node holds tries to
 * claim it every {@code agentledger.cluster.claim-interval}, so it takes over within that once the
 * holder's claim times out.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessingConfiguration {

    @Bean
    public ConfigurerModule propagatingProcessingDefaults(
            @Value("${agentledger.processing.batch-size:100}") int batchSize,
            @Value("${agentledger.cluster.claim-interval:PT2S}") java.time.Duration claimInterval,
            ProcessorHealth health, Clock clock) {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(c -> recordingErrors(c, health, clock))
                .registerDefaultHandlerInterceptor((c, name) -> recordingSuccess(name, health))
                .registerTrackingEventProcessorConfiguration(c -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing()
                        .andBatchSize(batchSize)
                        .andTokenClaimInterval(claimInterval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
    }

    private static ErrorHandler recordingErrors(org.axonframework.config.Configuration configuration,
                                                ProcessorHealth health, Clock clock) {
        return errorContext -> {
            boolean streaming = configuration.eventProcessingConfiguration()
                    .eventProcessor(errorContext.eventProcessor(), StreamingEventProcessor.class).isPresent();
            if (streaming) {
                health.failed(errorContext.eventProcessor(), clock.instant());
            }
            PropagatingErrorHandler.instance().handleError(errorContext);
        };
    }

    private static MessageHandlerInterceptor<EventMessage<?>> recordingSuccess(String processor,
                                                                               ProcessorHealth health) {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            health.succeeded(processor);
            return result;
        };
    }
}
