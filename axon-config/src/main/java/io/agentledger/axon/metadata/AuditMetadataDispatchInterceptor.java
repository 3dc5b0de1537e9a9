package io.agentledger.axon.metadata;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps a message dispatched outside any handler (straight from a request) with the caller's audit
 * metadata. A message dispatched inside a handler already has it, from the correlation providers.
 */
public class AuditMetadataDispatchInterceptor<M extends Message<?>> implements MessageDispatchInterceptor<M> {

    private final AuditContextSupplier auditContext;

    public AuditMetadataDispatchInterceptor(AuditContextSupplier auditContext) {
        this.auditContext = auditContext;
    }

    @Override
    @SuppressWarnings("unchecked")
    public BiFunction<Integer, M, M> handle(List<? extends M> messages) {
        return (index, message) -> {
            Map<String, String> context = auditContext.current();
            Map<String, Object> missing = new HashMap<>();
            context.forEach((key, value) -> {
                if (value != null && !message.getMetaData().containsKey(key)) {
                    missing.put(key, value);
                }
            });
            if (!message.getMetaData().containsKey(AuditMetadata.CAUSATION_ID)) {
                missing.putIfAbsent(AuditMetadata.CAUSATION_ID, context.get(AuditMetadata.REQUEST_ID));
            }
            missing.values().removeIf(java.util.Objects::isNull);
            return missing.isEmpty() ? message : (M) message.andMetaData(MetaData.from(missing));
        };
    }
}
