package io.agentledger.axon.metadata;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * For a message caused by another: the cause's id becomes its causation id, and the cause's
 * correlation id (or, for a root, its own id) its correlation id.
 */
public class CausationCorrelationProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        data.put(AuditMetadata.CAUSATION_ID, message.getIdentifier());
        Object correlation = message.getMetaData().get(AuditMetadata.CORRELATION_ID);
        data.put(AuditMetadata.CORRELATION_ID, correlation != null ? correlation : message.getIdentifier());
        return data;
    }
}
