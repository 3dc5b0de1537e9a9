package io.agentledger.command.identity.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.agentledger.command.identity.SecretTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Signs and verifies the HS256 access and refresh tokens. A verified token is remembered by its
 * digest until it expires, so a client's next request skips the decoding and the MAC; whether its
 * session and user still stand is checked per request by {@link CallerAuthenticator}.
 */
@Component
public class TokenCodec {

    private static final Logger log = LoggerFactory.getLogger(TokenCodec.class);
    private static final String ISSUER = "agentledger";

    private final byte[] key;
    private final Clock clock;
    private final Cache<String, TokenClaims> verified = Caffeine.newBuilder()
            .maximumSize(50_000).expireAfterWrite(Duration.ofHours(1)).build();

    public TokenCodec(AuthProperties properties, Clock clock) {
        this.clock = clock;
        String secret = properties.jwtSecret();
        if (secret == null || secret.isBlank()) {
            log.warn("No JWT secret configured (JWT_SECRET): using a random one, tokens end with this process");
            secret = SecretTokens.random(64);
        }
        this.key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < 32) {
            throw new IllegalStateException("The JWT secret must be at least 32 bytes long");
        }
    }

    public String sign(TokenClaims claims) {
        JWTClaimsSet set = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(claims.userId())
                .jwtID(claims.tokenId())
                .claim("tid", claims.tenantId())
                .claim("sid", claims.sessionId())
                .claim("typ", claims.type().name().toLowerCase())
                .issueTime(Date.from(clock.instant()))
                .expirationTime(Date.from(claims.expiresAt()))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), set);
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
    }

    /** The claims of a genuine, unexpired token of that type; empty for anything else. */
    public Optional<TokenClaims> verify(String token, TokenClaims.Type expectedType) {
        String digest = SecretTokens.sha256(token);
        TokenClaims known = verified.getIfPresent(digest);
        if (known == null) {
            known = decode(token).orElse(null);
            if (known == null) {
                return Optional.empty();
            }
            verified.put(digest, known);
        }
        return known.type() == expectedType && clock.instant().isBefore(known.expiresAt())
                ? Optional.of(known) : Optional.empty();
    }

    private Optional<TokenClaims> decode(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key))) {
                return Optional.empty();
            }
            JWTClaimsSet set = jwt.getJWTClaimsSet();
            Date expiry = set.getExpirationTime();
            TokenClaims.Type type = typeOf(set.getStringClaim("typ"));
            if (!ISSUER.equals(set.getIssuer()) || expiry == null || type == null) {
                return Optional.empty();
            }
            return Optional.of(new TokenClaims(type, set.getSubject(), set.getStringClaim("tid"),
                    set.getStringClaim("sid"), set.getJWTID(), expiry.toInstant()));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static TokenClaims.Type typeOf(String claim) {
        for (TokenClaims.Type type : TokenClaims.Type.values()) {
            if (type.name().toLowerCase().equals(claim)) {
                return type;
            }
        }
        return null;
    }

    public record TokenClaims(Type type, String userId, String tenantId, String sessionId, String tokenId,
                              Instant expiresAt) {

        public enum Type { ACCESS, REFRESH }
    }
}
