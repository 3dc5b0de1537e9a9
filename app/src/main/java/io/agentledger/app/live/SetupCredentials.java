package io.agentledger.app.live;

import io.netty.buffer.ByteBuf;
import io.rsocket.ConnectionSetupPayload;
import io.rsocket.metadata.AuthMetadataCodec;
import io.rsocket.metadata.CompositeMetadata;
import io.rsocket.metadata.WellKnownAuthType;
import io.rsocket.metadata.WellKnownMimeType;

import java.util.Optional;

/**
 * The credential a client sends in its SETUP frame: RSocket's authentication extension
 * ({@code message/x.rsocket.authentication.v0}) with a bearer token, which is an access token (JWT)
 * or an API key ({@code alk_…}); alone or as an entry of composite metadata.
 */
final class SetupCredentials {

    static final String AUTHENTICATION = WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION.getString();
    static final String COMPOSITE = WellKnownMimeType.MESSAGE_RSOCKET_COMPOSITE_METADATA.getString();

    private SetupCredentials() {
    }

    static Optional<String> bearer(ConnectionSetupPayload setup) {
        if (!setup.hasMetadata()) {
            return Optional.empty();
        }
        ByteBuf metadata = setup.metadata();
        try {
            if (COMPOSITE.equals(setup.metadataMimeType())) {
                for (CompositeMetadata.Entry entry : new CompositeMetadata(metadata.slice(), false)) {
                    if (AUTHENTICATION.equals(entry.getMimeType())) {
                        return token(entry.getContent());
                    }
                }
                return Optional.empty();
            }
            return AUTHENTICATION.equals(setup.metadataMimeType()) ? token(metadata) : Optional.empty();
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private static Optional<String> token(ByteBuf content) {
        ByteBuf auth = content.slice();
        if (!AuthMetadataCodec.isWellKnownAuthType(auth)
                || AuthMetadataCodec.readWellKnownAuthType(auth) != WellKnownAuthType.BEARER) {
            return Optional.empty();
        }
        String token = new String(AuthMetadataCodec.readBearerTokenAsCharArray(auth)).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
