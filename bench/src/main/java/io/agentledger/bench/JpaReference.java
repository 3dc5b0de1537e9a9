package io.agentledger.bench;

import io.agentledger.bench.reference.JpaReferenceApplication;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The conventional alternative: {@link JpaReferenceApplication} in a JVM of its own, driven like the service. */
final class JpaReference {

    private JpaReference() {
    }

    private static Http tenant(Http http, int client) {
        return http.with("X-Tenant", "tenant_reference_" + client);
    }

    static Map<String, List<LoadResult>> run(BenchSettings settings, BenchPostgres postgres, String jdbcUrl)
            throws Exception {
        String classpath = JpaReference.class.getProtectionDomain().getCodeSource().getLocation().getPath()
                + java.io.File.pathSeparator + Files.readString(settings.classpathFile()).trim();
        Map<String, List<LoadResult>> results = new LinkedHashMap<>();
        try (ServiceProcess reference = ServiceProcess.start(List.of("-cp", classpath),
                List.of(JpaReferenceApplication.class.getName(), "--spring.datasource.url=" + jdbcUrl,
                        "--spring.datasource.username=" + postgres.user(),
                        "--spring.datasource.password=" + postgres.password()),
                "/ready", settings.output().resolve("logs/jpa-reference.log"))) {
            Http http = new Http(reference.baseUrl());
            CpuMeter cpu = new CpuMeter(reference.pid(), postgres.pid());
            for (int clients : settings.clients()) {
                List<Deque<String>> pools = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    pools.add(new ArrayDeque<>());
                }
                results.computeIfAbsent("create_goal", key -> new ArrayList<>())
                        .add(ClosedLoop.run(clients, settings.phase(), cpu, client -> () -> {
                            pools.get(client).addLast(tenant(http, client).post("/goals", Map.of("text",
                                    "Reference goal"), null).require(201, "reference create").text("id"));
                            return ClosedLoop.Outcome.OK;
                        }));
                results.computeIfAbsent("update_goal", key -> new ArrayList<>())
                        .add(ClosedLoop.run(clients, settings.phase(), cpu, client -> () -> {
                            Deque<String> pool = pools.get(client);
                            String id = pool.pollFirst();
                            if (id == null) {
                                return ClosedLoop.Outcome.DONE;
                            }
                            pool.addLast(id);
                            tenant(http, client).put("/goals/" + id, Map.of("text", "Reference goal, revised"), null)
                                    .require(200, "reference update");
                            return ClosedLoop.Outcome.OK;
                        }));
                results.computeIfAbsent("get_goal", key -> new ArrayList<>())
                        .add(ClosedLoop.run(clients, settings.phase(), cpu, client -> () -> {
                            Deque<String> pool = pools.get(client);
                            String id = pool.pollFirst();
                            pool.addLast(id);
                            tenant(http, client).get("/goals/" + id, null).require(200, "reference get");
                            return ClosedLoop.Outcome.OK;
                        }));
                results.computeIfAbsent("list_goals", key -> new ArrayList<>())
                        .add(ClosedLoop.run(clients, settings.phase(), cpu, client -> () -> {
                            tenant(http, client).get("/goals?page=1&size=20", null).require(200, "reference list");
                            return ClosedLoop.Outcome.OK;
                        }));
            }
        }
        return results;
    }
}
