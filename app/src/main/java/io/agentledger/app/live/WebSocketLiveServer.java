package io.agentledger.app.live;

import org.springframework.boot.rsocket.netty.NettyRSocketServerFactory;
import org.springframework.boot.rsocket.server.RSocketServer;
import org.springframework.boot.rsocket.server.RSocketServerCustomizer;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.messaging.rsocket.annotation.support.RSocketMessageHandler;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** The RSocket-over-WebSocket endpoint for browsers, beside the TCP server Spring Boot runs. */
public class WebSocketLiveServer implements SmartLifecycle {

    private final RSocketServer server;

    /**
     * {@code resources}: the context's event loops, as Spring Boot gives its own servers; the global ones
     * are disposed by whichever application in the JVM closes first.
     */
    WebSocketLiveServer(RSocketMessageHandler handler, RSocketServerCustomizer customizer,
                        ReactorResourceFactory resources, String address, int port) {
        NettyRSocketServerFactory factory = new NettyRSocketServerFactory();
        factory.setResourceFactory(resources);
        factory.setTransport(RSocketServer.Transport.WEBSOCKET);
        factory.setPort(port);
        if (!address.isBlank()) {
            try {
                factory.setAddress(InetAddress.getByName(address));
            } catch (UnknownHostException unknown) {
                throw new IllegalArgumentException("agentledger.live.websocket-address: unknown host " + address,
                        unknown);
            }
        }
        factory.setRSocketServerCustomizers(List.of(customizer));
        this.server = factory.create(handler.responder());
    }

    /** The bound port, once started (useful when configured as 0). */
    public int port() {
        return server.address().getPort();
    }

    @Override
    public void start() {
        server.start();
    }

    @Override
    public void stop() {
        server.stop();
    }

    @Override
    public boolean isRunning() {
        return server.address() != null;
    }
}
