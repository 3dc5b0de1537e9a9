package io.agentledger.bench;

import io.agentledger.projection.search.EmbeddedSearchNode;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The benchmark harness: starts PostgreSQL, a search node and the packaged service, drives it over HTTP and
 * RSocket from this process, measures its references on the same database in the same run, and writes
 * {@code report.json} and {@code report.md}. Sizes come from {@link BenchSettings}.
 */
public final class Harness {

    private final BenchSettings settings;
    private final Report report = new Report();

    private Harness(BenchSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        new Harness(BenchSettings.fromSystemProperties()).run();
    }

    static Report run(BenchSettings settings) throws Exception {
        Harness harness = new Harness(settings);
        harness.run();
        return harness.report;
    }

    private void run() throws Exception {
        org.springframework.util.FileSystemUtils.deleteRecursively(settings.output());
        report.describe(settings);
        ServiceLauncher launcher = new ServiceLauncher(settings);
        try (ServiceProcess service = launcher.embeddedDefaults()) {
            report.startup("embedded_defaults", service.startupSeconds(), service.residentMb(),
                    service.residentWithChildrenMb());
        }
        EmbeddedSearchNode node = null;
        String searchUrl = settings.searchUrl();
        try (BenchPostgres postgres = BenchPostgres.start(settings)) {
            if (searchUrl == null) {
                node = new EmbeddedSearchNode(settings.searchNodeClasspath(),
                        settings.output().resolve("search-node").toAbsolutePath(), "1g", 0);
                node.start();
                searchUrl = node.url();
            }
            measureReferences(postgres);
            measureService(postgres, searchUrl, launcher);
        } finally {
            if (node != null) {
                node.stop();
            }
        }
        report.write(settings.output());
    }

    private void measureReferences(BenchPostgres postgres) throws Exception {
        String referenceUrl = postgres.freshDatabase("bench_reference");
        for (int clients : settings.clients()) {
            LoadResult raw = RawInsertReference.run(postgres, referenceUrl, clients, settings.phase());
            System.out.printf("raw insert at %d clients: %.1f ops/s%n", clients, raw.opsPerSecond());
            report.reference("raw_insert", raw);
        }
        JpaReference.run(settings, postgres, referenceUrl).forEach((operation, results) ->
                results.forEach(result -> {
                    System.out.printf("JPA %s at %d clients: %.1f ops/s%n", operation, result.clients(),
                            result.opsPerSecond());
                    report.reference("jpa_" + operation, result);
                }));
    }

    private void measureService(BenchPostgres postgres, String searchUrl, ServiceLauncher launcher)
            throws Exception {
        String databaseUrl = postgres.freshDatabase("bench_service");
        try (Connection store = postgres.connect(databaseUrl)) {
            ServiceProcess service = launcher.configured(databaseUrl, postgres, searchUrl);
            try {
                report.startup("configured_database_and_search", service.startupSeconds(), service.residentMb(),
                        service.residentWithChildrenMb());
                Http http = new Http(service.baseUrl());
                BenchOperator operator = BenchOperator.register(http);
                List<BenchUser> users = IntStream.range(0, settings.maxClients()).parallel()
                        .mapToObj(i -> BenchUser.register(http, "client" + i)).toList();
                BenchUser probe = BenchUser.register(http, "probe");

                CommandBenchmark commands = new CommandBenchmark(http, users, store, settings.phase(),
                        () -> operator.signedInToken(http), new CpuMeter(service.pid(), postgres.pid()));
                Map<String, List<LoadResult>> results = commands.run(settings.clients());
                results.forEach((operation, list) -> list.forEach(result -> report.command(operation, result)));
                LoadResult fullLoad = results.get("create_goal").get(results.get("create_goal").size() - 1);
                report.growth(commands.eventsBeforeCreate(fullLoad.clients()), fullLoad);

                report.visibility(VisibilityBenchmark.run(http, users, probe, launcher.rsocketPort(),
                        fullLoad.opsPerSecond() / 2, settings.visibilitySamples()));
                Quiet.await(store, http, operator.signedInToken(http));
                if (settings.twoNodes()) {
                    twoNodesAgainstOne(service, launcher, databaseUrl, postgres, searchUrl, users, store, operator);
                }

                EventSeeder seeder = new EventSeeder(store);
                List<Long> sizes = new ArrayList<>(settings.growthEvents());
                sizes.removeIf(size -> size <= 0);
                if (settings.replayEvents() > 0 && !sizes.contains(settings.replayEvents())) {
                    sizes.add(settings.replayEvents());
                }
                sizes.sort(Long::compare);
                for (long size : sizes) {
                    service.close();
                    report.seeding(size, seeder.growTo(size));
                    service = launcher.configured(databaseUrl, postgres, searchUrl);
                    if (size == settings.replayEvents()) {
                        report.replay(ReplayBenchmark.run(http(service), operator.steppedUpToken(http(service)),
                                store));
                        report.auditQuery(QueryBenchmark.audit(http(service), users.get(0), Quiet.head(store),
                                settings.auditQueries()));
                    }
                    if (settings.growthEvents().contains(size)) {
                        Http restarted = http(service);
                        CommandBenchmark growth = new CommandBenchmark(restarted, users, store, settings.phase(),
                                () -> operator.signedInToken(restarted), new CpuMeter(service.pid(), postgres.pid()));
                        // the restarted service's JIT is cold; the first point ran after every earlier phase
                        growth.create(settings.maxClients(), null);
                        long events = Quiet.head(store);
                        report.growth(events, growth.create(settings.maxClients(), null));
                        Quiet.await(store, http(service), operator.signedInToken(http(service)));
                    }
                }
                report.memorySearch(memorySearch(service, probe, searchUrl));
                report.startup("after_the_run", service.startupSeconds(), service.residentMb(),
                        service.residentWithChildrenMb());
            } finally {
                service.close();
            }
        }
    }

    /**
     * Create, update and get at the most clients on the one node; then, with a second node of the same
     * cluster started beside it (and warmed by the same phases unrecorded, its JIT being cold), again on
     * the first node alone while the second idles, and with every client's requests alternating between
     * the two.
     */
    private void twoNodesAgainstOne(ServiceProcess first, ServiceLauncher launcher, String databaseUrl,
                                    BenchPostgres postgres, String searchUrl, List<BenchUser> users,
                                    Connection store, BenchOperator operator) throws Exception {
        Http one = http(first);
        Map<String, LoadResult> oneNode = new CommandBenchmark(one, users, store, settings.phase(),
                () -> operator.signedInToken(one), CpuMeter.NONE).writesAndReads(settings.maxClients());
        Quiet.await(store, one, operator.signedInToken(one));
        try (ServiceProcess second = launcher.secondNode(databaseUrl, postgres, searchUrl)) {
            report.startup("second_node", second.startupSeconds(), second.residentMb(),
                    second.residentWithChildrenMb());
            new CommandBenchmark(http(second), users, store, settings.phase(), () -> operator.signedInToken(one),
                    CpuMeter.NONE)
                    .writesAndReads(settings.maxClients());
            Map<String, LoadResult> secondIdle = new CommandBenchmark(one, users, store, settings.phase(),
                    () -> operator.signedInToken(one), CpuMeter.NONE).writesAndReads(settings.maxClients());
            Http both = new Http(List.of(first.baseUrl(), second.baseUrl()));
            Map<String, LoadResult> twoNodes = new CommandBenchmark(both, users, store, settings.phase(),
                    () -> operator.signedInToken(one), CpuMeter.NONE).writesAndReads(settings.maxClients());
            oneNode.forEach((operation, result) -> report.nodes(operation, result, secondIdle.get(operation),
                    twoNodes.get(operation)));
            Quiet.await(store, one, operator.signedInToken(one));
        }
    }

    /** A failed search is reported as such: it must not lose the figures measured before it. */
    private Map<String, Object> memorySearch(ServiceProcess service, BenchUser probe, String searchUrl) {
        try {
            return QueryBenchmark.memory(http(service), probe, searchUrl, ServiceLauncher.INDEX_PREFIX,
                    settings.memoryDocuments(), settings.memoryQueries());
        } catch (Exception failed) {
            System.out.printf("memory search failed: %s%n", failed.getMessage());
            return Map.of("error", String.valueOf(failed.getMessage()));
        }
    }

    private static Http http(ServiceProcess service) {
        return new Http(service.baseUrl());
    }
}
