package io.agentledger.app.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.rsocket.DuplexConnection;
import io.rsocket.RSocketErrorException;
import io.rsocket.frame.FrameHeaderCodec;
import io.rsocket.frame.FrameType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the NEXT payload frames arriving on a connection, before the client's own flow control sees them. */
final class FrameCountingConnection implements DuplexConnection {

    private final DuplexConnection delegate;
    private final AtomicLong payloadFrames;

    FrameCountingConnection(DuplexConnection delegate, AtomicLong payloadFrames) {
        this.delegate = delegate;
        this.payloadFrames = payloadFrames;
    }

    @Override
    public Flux<ByteBuf> receive() {
        return delegate.receive().doOnNext(frame -> {
            FrameType type = FrameHeaderCodec.frameType(frame);
            if (type == FrameType.NEXT || type == FrameType.NEXT_COMPLETE) {
                payloadFrames.incrementAndGet();
            }
        });
    }

    @Override
    public void sendFrame(int streamId, ByteBuf frame) {
        delegate.sendFrame(streamId, frame);
    }

    @Override
    public void sendErrorAndClose(RSocketErrorException error) {
        delegate.sendErrorAndClose(error);
    }

    @Override
    public ByteBufAllocator alloc() {
        return delegate.alloc();
    }

    @Override
    public SocketAddress remoteAddress() {
        return delegate.remoteAddress();
    }

    @Override
    public Mono<Void> onClose() {
        return delegate.onClose();
    }

    @Override
    public void dispose() {
        delegate.dispose();
    }

    @Override
    public boolean isDisposed() {
        return delegate.isDisposed();
    }
}
