package io.agentledger.axon.metadata;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventBus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Sets the audit metadata in one place for every command and event, so no handler has to. */
@Configuration(proxyBeanMethods = false)
public class AuditMetadataInterceptors {

    @Autowired
    public void registerDispatchInterceptors(CommandBus commandBus, EventBus eventBus,
                                             ObjectProvider<AuditContextSupplier> auditContext) {
        // resolved once it exists: looking the bean up on every dispatch showed in the request profile
        AtomicReference<AuditContextSupplier> resolved = new AtomicReference<>();
        AuditContextSupplier supplier = () -> {
            AuditContextSupplier delegate = resolved.get();
            if (delegate == null) {
                delegate = auditContext.getIfAvailable();
                resolved.set(delegate);
            }
            return delegate == null ? Map.of() : delegate.current();
        };
        commandBus.registerDispatchInterceptor(new AuditMetadataDispatchInterceptor<>(supplier));
        eventBus.registerDispatchInterceptor(new AuditMetadataDispatchInterceptor<>(supplier));
    }
}
