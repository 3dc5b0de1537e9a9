package io.agentledger.app.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentledger.command.agent.execution.AgentExecutionController;
import io.agentledger.command.voice.VoiceController;
import io.agentledger.command.workflow.WorkflowCommandController;
import io.agentledger.query.live.PaiosStream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SocketIoProperties.class)
@ConditionalOnProperty(name = "agentledger.socketio.enabled", matchIfMissing = true)
public class SocketIoConfiguration {

    @Bean
    public SocketIoGateway socketIoGateway(SocketIoProperties properties, LiveAuthentication authentication,
                                           PaiosStream stream, AgentExecutionController agents,
                                           WorkflowCommandController workflows, VoiceController voice,
                                           AgentMessageProtocol protocol, ObjectMapper json, Clock clock) {
        return new SocketIoGateway(properties, authentication, stream, agents, workflows, voice, protocol, json,
                clock);
    }
}
