package io.agentledger.axon.errors;

import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class CommandErrorConfiguration {

    @Autowired
    public void registerBusinessErrorInterceptor(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(new BusinessErrorInterceptor());
    }
}
