package io.agentledger.axon.processing;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Every event handler propagates its failures: a streaming processor then retries the event with
 * back-off instead of logging and skipping it, and a subscribing one fails the command's transaction.
 * Failures and recoveries of streaming processors are recorded for health.
 * <p>
 * Streaming processors are pooled ones: a tracking processor commits its token after every batch, even
 * one of events it has no handler for, so each append cost a commit per processor; a pooled one stores
 * the token of such batches only when it extends its claim. One segment each keeps every processor's
 * order the global order.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessingConfiguration {

    @Bean
    public ConfigurerModule propagatingProcessingDefaults(
            @Value("${agentledger.processing.batch-size:100}") int batchSize, ProcessorHealth health, Clock clock) {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(c -> recordingErrors(c, health, clock))
                .registerDefaultHandlerInterceptor((c, name) -> recordingSuccess(name, health))
                .usingPooledStreamingEventProcessors((c, processor) -> processor
                        .batchSize(batchSize)
                        .initialSegmentCount(1));
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
