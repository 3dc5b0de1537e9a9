package io.agentledger.axon.processing;

import org.axonframework.eventhandling.EventProcessor;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which streaming processors are failing right now. A tracking processor in retry mode releases its
 * segments and does not report itself in error, so health asks here instead.
 */
@Component
public class ProcessorHealth {

    private final Map<String, Instant> failingSince = new ConcurrentHashMap<>();

    void failed(String processor, Instant at) {
        failingSince.putIfAbsent(processor, at);
    }

    void succeeded(String processor) {
        if (!failingSince.isEmpty()) {
            failingSince.remove(processor);
        }
    }

    public Optional<Instant> failingSince(String processor) {
        return Optional.ofNullable(failingSince.get(processor));
    }

    /** In error as Axon sees it, or retrying a failed event. */
    public boolean failing(String name, EventProcessor processor) {
        return processor.isError() || failingSince.containsKey(name);
    }
}
