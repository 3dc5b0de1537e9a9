package io.agentledger.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts the packaged service: on its embedded defaults, or on the harness's PostgreSQL and Elasticsearch. */
final class ServiceLauncher {

    static final String INDEX_PREFIX = "agentledger-";
    private static final String JWT_SECRET = "bench-harness-secret-0123456789abcdef0123456789";

    private final BenchSettings settings;
    private int starts;
    private int rsocketPort;

    ServiceLauncher(BenchSettings settings) {
        this.settings = settings;
    }

    /** Nothing configured: the service starts its own PostgreSQL and search node in a fresh data directory. */
    ServiceProcess embeddedDefaults() throws Exception {
        Path data = settings.output().resolve("embedded-defaults-data");
        org.springframework.util.FileSystemUtils.deleteRecursively(data);
        return start(List.of("--agentledger.data-dir=" + data.toAbsolutePath()));
    }

    ServiceProcess configured(String databaseUrl, BenchPostgres postgres, String searchUrl) throws Exception {
        rsocketPort = rsocketPort == 0 ? ServiceProcess.freePort() : rsocketPort;
        return start(configuredArgs(databaseUrl, postgres, searchUrl, rsocketPort, "bench-node-1"));
    }

    /** Another node of the same cluster: same database, search node, secret and data directory. */
    ServiceProcess secondNode(String databaseUrl, BenchPostgres postgres, String searchUrl) throws Exception {
        return start(configuredArgs(databaseUrl, postgres, searchUrl, ServiceProcess.freePort(), "bench-node-2"));
    }

    private List<String> configuredArgs(String databaseUrl, BenchPostgres postgres, String searchUrl, int rsocket,
                                        String nodeId) {
        return new ArrayList<>(List.of(
                "--agentledger.node.id=" + nodeId,
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + postgres.user(),
                "--spring.datasource.password=" + postgres.password(),
                "--agentledger.search.url=" + searchUrl,
                "--agentledger.search.index-prefix=" + INDEX_PREFIX,
                "--spring.rsocket.server.port=" + rsocket,
                "--agentledger.data-dir=" + settings.output().resolve("service-data").toAbsolutePath(),
                "--agentledger.auth.jwt-secret=" + JWT_SECRET,
                "--agentledger.auth.access-token-ttl=12h",
                "--agentledger.settings.defaults[rate_limits.authentication]=1000000",
                "--agentledger.settings.defaults[rate_limits.read]=1000000",
                "--agentledger.settings.defaults[rate_limits.write]=1000000",
                "--agentledger.settings.defaults[rate_limits.ai_intensive]=1000000",
                "--agentledger.settings.defaults[workflows.max_parallel_runs]=1000"));
    }

    int rsocketPort() {
        return rsocketPort;
    }

    private ServiceProcess start(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("-jar", settings.serviceJar().toAbsolutePath().toString(),
                "--agentledger.live.websocket-port=" + ServiceProcess.freePort(),
                "--agentledger.socketio.port=" + ServiceProcess.freePort()));
        if (args.stream().noneMatch(arg -> arg.startsWith("--spring.rsocket.server.port="))) {
            command.add("--spring.rsocket.server.port=" + ServiceProcess.freePort());
        }
        command.addAll(args);
        List<String> jvm = new ArrayList<>(List.of("-Daxoniq.update-checker.disabled=true",
                "-Dagentledger.search.embedded.classpath=" + settings.searchNodeClasspath()));
        // e.g. -Dbench.service.jvm-args=-XX:StartFlightRecording=filename=service.jfr to profile the service
        String extra = System.getProperty("bench.service.jvm-args", "").trim();
        if (!extra.isEmpty()) {
            jvm.addAll(List.of(extra.split("\\s+")));
        }
        return ServiceProcess.start(jvm,
                command, "/health/ready", settings.output().resolve("logs/service-" + (++starts) + ".log"));
    }
}
