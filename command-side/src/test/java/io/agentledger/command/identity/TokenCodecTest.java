package io.agentledger.command.identity;

import io.agentledger.command.identity.auth.AuthProperties;
import io.agentledger.command.identity.auth.TokenCodec;
import io.agentledger.command.identity.auth.TokenCodec.TokenClaims;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class TokenCodecTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    private final TokenCodec codec = codec(SECRET, NOW);

    private static TokenCodec codec(String secret, Instant now) {
        return new TokenCodec(new AuthProperties(secret, null, null, null, 4, null), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static TokenClaims claims(TokenClaims.Type type, Instant expiry) {
        return new TokenClaims(type, "user_1", "tenant_1", "sess_1", "tok_1", expiry);
    }

    @Test
    void aSignedTokenVerifiesWithItsClaims() {
        TokenClaims claims = claims(TokenClaims.Type.ACCESS, NOW.plusSeconds(900));
        assertThat(codec.verify(codec.sign(claims), TokenClaims.Type.ACCESS)).contains(claims);
    }

    @Test
    void aRefreshTokenIsNoAccessToken() {
        String refresh = codec.sign(claims(TokenClaims.Type.REFRESH, NOW.plusSeconds(900)));
        assertThat(codec.verify(refresh, TokenClaims.Type.ACCESS)).isEmpty();
    }

    @Test
    void expiredForeignAndTamperedTokensAreRefused() {
        String token = codec.sign(claims(TokenClaims.Type.ACCESS, NOW.plusSeconds(900)));
        assertThat(codec(SECRET, NOW.plusSeconds(901)).verify(token, TokenClaims.Type.ACCESS)).isEmpty();
        assertThat(codec("another-secret-another-secret-xx", NOW).verify(token, TokenClaims.Type.ACCESS)).isEmpty();
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "xx." + parts[2];
        assertThat(codec.verify(tampered, TokenClaims.Type.ACCESS)).isEmpty();
        assertThat(codec.verify("not-a-jwt", TokenClaims.Type.ACCESS)).isEmpty();
    }

    @Test
    void aRememberedTokenStillExpiresAndKeepsItsType() {
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(NOW);
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        TokenCodec remembering = new TokenCodec(new AuthProperties(SECRET, null, null, null, 4, null), moving);
        String token = remembering.sign(claims(TokenClaims.Type.ACCESS, NOW.plusSeconds(900)));

        assertThat(remembering.verify(token, TokenClaims.Type.ACCESS)).isPresent();
        assertThat(remembering.verify(token, TokenClaims.Type.REFRESH)).isEmpty();
        now.set(NOW.plusSeconds(900));
        assertThat(remembering.verify(token, TokenClaims.Type.ACCESS)).isEmpty();
    }
}
