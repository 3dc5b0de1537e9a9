package io.agentledger.app.support;

import io.agentledger.app.AgentLedgerApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole services started and stopped by a test, on one PostgreSQL of their own that outlives them
 * (started once per test JVM), for what the shared context cannot show: restarts, other providers.
 */
public final class StandaloneService {

    private static EmbeddedPostgres postgres;

    private StandaloneService() {
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off").setServerConfig("max_connections", "300").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return postgres;
    }

    /** The JDBC URL of {@code database} on the shared PostgreSQL, for a service in a process of its own. */
    public static String jdbcUrl(String database) {
        return postgres().getJdbcUrl("postgres", database);
    }

    public static JdbcTemplate jdbc() {
        return new JdbcTemplate(postgres().getPostgresDatabase());
    }

    public static JdbcTemplate jdbc(String database) {
        return new JdbcTemplate(postgres().getDatabase("postgres", database));
    }

    /** Settings go as arguments: builder properties are defaults, which application.yml would override. */
    public static ConfigurableApplicationContext start(Class<?> extraBeans, String... settings) {
        return startOn("postgres", extraBeans, settings);
    }

    /** A service on a database of its own on the shared PostgreSQL, created on first use. */
    public static ConfigurableApplicationContext startOn(String database, Class<?> extraBeans, String... settings) {
        createDatabase(database);
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + postgres().getJdbcUrl("postgres", database),
                "--agentledger.data-dir=target/standalone-data",
                "--spring.datasource.username=postgres",
                "--server.port=0",
                "--spring.rsocket.server.port=0",
                "--agentledger.live.websocket-port=0",
                "--agentledger.socketio.port=0",
                "--agentledger.socketio.host=127.0.0.1",
                "--agentledger.auth.bcrypt-strength=4",
                "--agentledger.auth.jwt-secret=standalone-tests-secret-0123456789abcdef",
                "--agentledger.engine.lease=PT2S",
                "--agentledger.engine.poll-interval=PT0.2S",
                "--agentledger.settings.defaults[rate_limits.authentication]=1000000",
                "--agentledger.settings.defaults[rate_limits.read]=1000000",
                "--agentledger.settings.defaults[rate_limits.write]=1000000"));
        for (String setting : settings) {
            // a repeated option would reach Spring as both values joined by a comma: the test's setting wins
            String key = setting.contains("=") ? setting.substring(0, setting.indexOf('=') + 1) : setting;
            args.removeIf(arg -> arg.startsWith(key));
            args.add(setting);
        }
        if (args.stream().noneMatch(arg -> arg.startsWith("--agentledger.search.url="))) {
            args.add("--agentledger.search.url=" + TestSearchNode.url());
            args.add("--agentledger.search.index-prefix=standalone-" + database.toLowerCase() + "-");
        }
        Class<?>[] sources = extraBeans == null ? new Class<?>[]{AgentLedgerApplication.class}
                : new Class<?>[]{AgentLedgerApplication.class, extraBeans};
        return new SpringApplicationBuilder(sources).run(args.toArray(String[]::new));
    }

    public static synchronized void createDatabase(String database) {
        if (!"postgres".equals(database) && jdbc().queryForList("SELECT 1 FROM pg_database WHERE datname = ?",
                database).isEmpty()) {
            jdbc().execute("CREATE DATABASE \"" + database + "\"");
        }
    }

    public static Api api(ConfigurableApplicationContext service) {
        return new Api(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
    }

    /** Registers a user (who founds a tenant) and answers the Authorization header with their access token. */
    public static String[] registerUser(Api api, String prefix) {
        String name = prefix + System.nanoTime();
        return new String[]{"Authorization", "Bearer " + api.post("/api/v1/auth/register", java.util.Map.of("email",
                name + "@example.com", "username", name, "password", "a long enough password", "full_name", prefix))
                .text("access_token")};
    }
}
