package io.agentledger.axon.errors;

import io.agentledger.kernel.error.DomainException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Turns a business refusal into a CommandExecutionException whose details carry the error code,
 * the form in which it also crosses Axon Server intact.
 */
public class BusinessErrorInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (DomainException refusal) {
            throw new CommandExecutionException(refusal.getMessage(), refusal, refusal.toBusinessError());
        }
    }
}
