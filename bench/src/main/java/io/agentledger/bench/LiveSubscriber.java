package io.agentledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.rsocket.metadata.AuthMetadataCodec;
import org.springframework.http.MediaType;
import org.springframework.http.codec.json.Jackson2JsonDecoder;
import org.springframework.http.codec.json.Jackson2JsonEncoder;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.util.MimeType;
import reactor.core.Disposable;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** An RSocket client following the caller's {@code events} stream, noting when each resource first appears. */
final class LiveSubscriber implements AutoCloseable {

    private static final MimeType AUTHENTICATION = MimeType.valueOf("message/x.rsocket.authentication.v0");

    private final RSocketRequester requester;
    private final Disposable subscription;
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final AtomicReference<Throwable> error = new AtomicReference<>();

    LiveSubscriber(int port, String token) {
        RSocketStrategies strategies = RSocketStrategies.builder()
                .encoders(encoders -> encoders.add(new Jackson2JsonEncoder()))
                .decoders(decoders -> decoders.add(new Jackson2JsonDecoder())).build();
        requester = RSocketRequester.builder().rsocketStrategies(strategies).dataMimeType(MediaType.APPLICATION_JSON)
                .setupMetadata(bearer(token), AUTHENTICATION).tcp("127.0.0.1", port);
        subscription = requester.route("events").retrieveFlux(JsonNode.class).subscribe(message ->
                arrivals.putIfAbsent(message.path("data").path("resource_id").asText(), System.nanoTime()),
                error::set);
    }

    /** When the resource's first event arrived (System.nanoTime), or null. */
    Long arrival(String resourceId) {
        return arrivals.get(resourceId);
    }

    /** Why the stream ended, if it did. */
    Throwable error() {
        return error.get();
    }

    private static byte[] bearer(String token) {
        ByteBuf encoded = AuthMetadataCodec.encodeBearerMetadata(ByteBufAllocator.DEFAULT, token.toCharArray());
        try {
            return ByteBufUtil.getBytes(encoded);
        } finally {
            encoded.release();
        }
    }

    @Override
    public void close() {
        subscription.dispose();
        requester.dispose();
    }
}
