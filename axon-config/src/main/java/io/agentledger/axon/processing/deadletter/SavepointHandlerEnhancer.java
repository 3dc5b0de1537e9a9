package io.agentledger.axon.processing.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.annotation.Nonnull;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Predicate;

/**
 * Runs each read-model event handler inside a savepoint of the processor's transaction. On PostgreSQL
 * a failed statement aborts the whole transaction; rolled back to the savepoint, the batch goes on, so
 * the failing event can be parked in the dead-letter queue (in the same transaction as the token).
 */
public class SavepointHandlerEnhancer implements HandlerEnhancerDefinition {

    private final DataSource dataSource;
    private final Predicate<Class<?>> applies;

    public SavepointHandlerEnhancer(DataSource dataSource, Predicate<Class<?>> applies) {
        this.dataSource = dataSource;
        this.applies = applies;
    }

    @Override
    public @Nonnull <T> MessageHandlingMember<T> wrapHandler(@Nonnull MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class) || !applies.test(original.declaringClass())) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(@Nonnull Message<?> message, T target) throws Exception {
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    return super.handle(message, target);
                }
                Connection connection = DataSourceUtils.getConnection(dataSource);
                Savepoint savepoint = connection.setSavepoint();
                Object result;
                try {
                    result = super.handle(message, target);
                } catch (Exception | Error failure) {
                    rollBack(connection, savepoint, failure);
                    throw failure;
                }
                connection.releaseSavepoint(savepoint);
                return result;
            }
        };
    }

    private static void rollBack(Connection connection, Savepoint savepoint, Throwable failure) {
        try {
            connection.rollback(savepoint);
        } catch (SQLException rollbackFailed) {
            failure.addSuppressed(rollbackFailed);
        }
    }
}
