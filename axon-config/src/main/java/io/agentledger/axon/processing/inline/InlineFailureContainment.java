package io.agentledger.axon.processing.inline;

import io.agentledger.axon.processing.Savepoints;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.annotation.Nonnull;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs each {@link InlineReadModel} handler inside a savepoint of the command's transaction. On
 * PostgreSQL a failed statement aborts the whole transaction; rolled back to the savepoint, the command
 * commits as if the handler had not run, and the read model's tracking projection applies the event
 * (or parks it) instead.
 */
public class InlineFailureContainment implements HandlerEnhancerDefinition {

    private static final Logger log = LoggerFactory.getLogger(InlineFailureContainment.class);

    private final DataSource dataSource;
    private final AtomicLong contained = new AtomicLong();

    public InlineFailureContainment(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** How many inline handler failures were contained since start. */
    public long contained() {
        return contained.get();
    }

    @Override
    public @Nonnull <T> MessageHandlingMember<T> wrapHandler(@Nonnull MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)
                || !original.declaringClass().isAnnotationPresent(InlineReadModel.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(@Nonnull Message<?> message, T target) {
                boolean transactional = TransactionSynchronizationManager.isActualTransactionActive();
                Connection connection = transactional ? DataSourceUtils.getConnection(dataSource) : null;
                try {
                    Savepoint savepoint = transactional ? connection.setSavepoint() : null;
                    try {
                        Object result = super.handle(message, target);
                        if (transactional) {
                            connection.releaseSavepoint(savepoint);
                        }
                        return result;
                    } catch (Exception | Error failure) {
                        if (transactional) {
                            Savepoints.rollBack(connection, savepoint, failure);
                        }
                        contain(original.declaringClass(), message, failure);
                        return null;
                    }
                } catch (SQLException savepointFailed) {
                    throw new IllegalStateException("Savepoint of an inline read model failed", savepointFailed);
                }
            }
        };
    }

    private void contain(Class<?> handler, Message<?> message, Throwable failure) {
        contained.incrementAndGet();
        log.warn("Inline read model {} failed on event {}; its tracking projection applies it instead",
                handler.getSimpleName(), message.getIdentifier(), failure);
    }
}
