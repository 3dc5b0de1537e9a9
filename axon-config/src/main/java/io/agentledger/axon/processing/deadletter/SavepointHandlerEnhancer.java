package io.agentledger.axon.processing.deadletter;

import io.agentledger.axon.processing.Savepoints;
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
import java.sql.Savepoint;
import java.util.function.Function;

/**
 * Runs a read-model event handler inside a savepoint of the processor's transaction while its group
 * is guarded (see {@link GuardedHandling}). On PostgreSQL a failed statement aborts the whole
 * transaction; rolled back to the savepoint, the batch goes on, so the failing event can be parked in
 * the dead-letter queue in the same transaction as the token.
 */
public class SavepointHandlerEnhancer implements HandlerEnhancerDefinition {

    private final DataSource dataSource;
    private final Function<Class<?>, String> readModelGroup;
    private final GuardedHandling guarding;

    /** {@code readModelGroup}: the processing group of a read-model handler class, null for any other class. */
    public SavepointHandlerEnhancer(DataSource dataSource, Function<Class<?>, String> readModelGroup,
                                    GuardedHandling guarding) {
        this.dataSource = dataSource;
        this.readModelGroup = readModelGroup;
        this.guarding = guarding;
    }

    @Override
    public @Nonnull <T> MessageHandlingMember<T> wrapHandler(@Nonnull MessageHandlingMember<T> original) {
        String group = original.canHandleMessageType(EventMessage.class)
                ? readModelGroup.apply(original.declaringClass()) : null;
        if (group == null) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(@Nonnull Message<?> message, T target) throws Exception {
                guarding.leave();
                if (!guarding.guarded(group) || !TransactionSynchronizationManager.isActualTransactionActive()) {
                    return super.handle(message, target);
                }
                Connection connection = DataSourceUtils.getConnection(dataSource);
                Savepoint savepoint = connection.setSavepoint();
                Object result;
                try {
                    result = super.handle(message, target);
                } catch (Exception | Error failure) {
                    Savepoints.rollBack(connection, savepoint, failure);
                    // the dead-letter policy, deciding next on this thread, learns the failure was contained
                    guarding.enter();
                    throw failure;
                }
                connection.releaseSavepoint(savepoint);
                return result;
            }
        };
    }
}
