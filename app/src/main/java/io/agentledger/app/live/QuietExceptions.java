package io.agentledger.app.live;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.listener.ExceptionListenerAdapter;
import io.netty.channel.ChannelHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** A client sending what cannot be read is disconnected and logged at debug: one bad client is no incident. */
class QuietExceptions extends ExceptionListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(QuietExceptions.class);

    @Override
    public void onEventException(Exception e, List<Object> args, SocketIOClient client) {
        log.debug("Socket.IO event of {} failed: {}", client.getSessionId(), e.toString());
    }

    @Override
    public void onConnectException(Exception e, SocketIOClient client) {
        log.debug("Socket.IO connection of {} failed: {}", client.getSessionId(), e.toString());
        client.disconnect();
    }

    @Override
    public void onAuthException(Throwable e, SocketIOClient client) {
        log.debug("Socket.IO authorization of {} failed: {}", client.getSessionId(), e.toString());
    }

    @Override
    public boolean exceptionCaught(ChannelHandlerContext ctx, Throwable e) {
        log.debug("Socket.IO channel failed: {}", e.toString());
        ctx.close();
        return true;
    }
}
