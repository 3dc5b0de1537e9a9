package io.agentledger.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * The installation's first account, so its owner and platform admin: it reads where the projections
 * stand and replays them, which needs a fresh sign-in and a step-up (one backup code each time).
 */
final class BenchOperator {

    private static final String EMAIL = "operator@bench.example";
    private static final String PASSWORD = "Bench-Operator-Passw0rd";

    private final Deque<String> backupCodes = new ArrayDeque<>();

    /** Registers the operator: call it before anyone else registers on a fresh database. */
    static BenchOperator register(Http http) {
        http.post("/api/v1/auth/register", Map.of("email", EMAIL, "username", "bench-operator", "password", PASSWORD,
                "full_name", "Bench operator"), null).require(201, "registering the operator");
        return new BenchOperator();
    }

    /** A token of a fresh session: enough to read where the projections stand. */
    String signedInToken(Http http) {
        return http.post("/api/v1/auth/login", Map.of("email", EMAIL, "password", PASSWORD), null)
                .require(200, "signing the operator in").text("access_token");
    }

    /** A token of a fresh session, stepped up: a replay may be asked for in the next minutes. */
    synchronized String steppedUpToken(Http http) {
        String token = signedInToken(http);
        if (backupCodes.isEmpty()) {
            http.post("/api/v1/credentials/backup", Map.of("password", PASSWORD), token)
                    .require(200, "the operator's backup codes").body().path("backup_codes")
                    .forEach(code -> backupCodes.add(code.asText()));
        }
        http.post("/api/v1/auth/biometric/verify", Map.of("backup_code", backupCodes.remove()), token)
                .require(200, "the operator's step-up");
        return token;
    }
}
