package io.agentledger.app.live;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code agentledger.socketio}: where seed 003's Socket.IO server listens ({@code SOCKETIO_PORT}, 7002;
 * 0 picks a free port), the largest message, connections per user, client messages per 10 s, and the
 * threads and queue its requests run on.
 */
@ConfigurationProperties("agentledger.socketio")
public record SocketIoProperties(Boolean enabled, String host, Integer port, Integer maxMessageBytes,
                                 Integer maxConnectionsPerUser, Integer maxClientMessages, Integer workers,
                                 Integer queue, String origin) {

    public SocketIoProperties {
        enabled = enabled == null || enabled;
        host = host == null ? "0.0.0.0" : host;
        port = port == null ? 7002 : port;
        maxMessageBytes = maxMessageBytes == null ? 64 * 1024 : maxMessageBytes;
        maxConnectionsPerUser = maxConnectionsPerUser == null ? 10 : maxConnectionsPerUser;
        maxClientMessages = maxClientMessages == null ? 30 : maxClientMessages;
        workers = workers == null ? 8 : workers;
        queue = queue == null ? 200 : queue;
        origin = origin == null || origin.isBlank() ? null : origin;
    }
}
