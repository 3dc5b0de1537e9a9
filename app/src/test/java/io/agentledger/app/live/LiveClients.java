package io.agentledger.app.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.rsocket.metadata.AuthMetadataCodec;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.util.MimeType;

import java.net.URI;

/** Real RSocket clients of the live API, over TCP or WebSocket, authenticated with a bearer token in SETUP. */
public final class LiveClients {

    static final MimeType AUTHENTICATION = MimeType.valueOf("message/x.rsocket.authentication.v0");

    private LiveClients() {
    }

    public static RSocketRequester tcp(RSocketStrategies strategies, int port, String token) {
        return builder(strategies, token).tcp("127.0.0.1", port);
    }

    /** A TCP client that counts the payload frames the server sends it, as they arrive on the wire. */
    static RSocketRequester countingTcp(RSocketStrategies strategies, int port, String token,
                                        java.util.concurrent.atomic.AtomicLong payloadFrames) {
        return builder(strategies, token).rsocketConnector(connector -> connector.interceptors(registry ->
                registry.forConnection((type, connection) -> type == io.rsocket.plugins.DuplexConnectionInterceptor
                        .Type.SOURCE ? new FrameCountingConnection(connection, payloadFrames) : connection)))
                .tcp("127.0.0.1", port);
    }

    static RSocketRequester webSocket(RSocketStrategies strategies, int port, String token) {
        return builder(strategies, token).websocket(URI.create("ws://127.0.0.1:" + port + "/"));
    }

    private static RSocketRequester.Builder builder(RSocketStrategies strategies, String token) {
        RSocketRequester.Builder builder = RSocketRequester.builder().rsocketStrategies(strategies)
                .dataMimeType(MediaType.APPLICATION_JSON);
        return token == null ? builder : builder.setupMetadata(bearer(token), AUTHENTICATION);
    }

    static byte[] bearer(String token) {
        ByteBuf encoded = AuthMetadataCodec.encodeBearerMetadata(ByteBufAllocator.DEFAULT, token.toCharArray());
        try {
            return ByteBufUtil.getBytes(encoded);
        } finally {
            encoded.release();
        }
    }
}
