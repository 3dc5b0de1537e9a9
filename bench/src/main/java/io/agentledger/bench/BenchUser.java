package io.agentledger.bench;

import java.util.Map;
import java.util.UUID;

/** A user registered for the run; each founds a tenant of its own. */
record BenchUser(String id, String tenantId, String token) {

    static BenchUser register(Http http, String label) {
        String name = label + "-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response response = http.post("/api/v1/auth/register", Map.of("email", name + "@bench.example",
                "username", name, "password", "Bench-Passw0rd-" + name, "full_name", "Bench " + label), null)
                .require(201, "registering " + name);
        return new BenchUser(response.body().path("user").path("id").asText(),
                response.body().path("user").path("tenant_id").asText(), response.text("access_token"));
    }
}
