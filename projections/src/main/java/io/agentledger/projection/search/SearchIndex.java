package io.agentledger.projection.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * An index read through an alias. A rebuild writes into a fresh index while searches keep reading the
 * old one through the alias; {@link #finishRebuild()} then moves the alias in one atomic step and drops
 * the old index. Which index a rebuild writes into is kept in PostgreSQL, so it survives a restart.
 */
public class SearchIndex {

    private final ElasticsearchClient es;
    private final JdbcTemplate jdbc;
    private final String alias;
    private final String mapping;
    private final Clock clock;
    private volatile boolean ensured;

    public SearchIndex(ElasticsearchClient es, JdbcTemplate jdbc, String alias, String mappingResource, Clock clock) {
        this.es = es;
        this.jdbc = jdbc;
        this.alias = alias;
        this.mapping = resource(mappingResource);
        this.clock = clock;
    }

    public String alias() {
        return alias;
    }

    /** Where writes go: the rebuild's new index while one runs, else the alias. */
    public String writeTarget() throws IOException {
        ensure();
        String rebuilding = rebuilding();
        return rebuilding == null ? alias : rebuilding;
    }

    /**
     * Creates the first index behind the alias unless the alias exists. The first index has a fixed name,
     * so that services (or threads) racing to create it end up with one index behind the alias.
     */
    public synchronized void ensure() throws IOException {
        if (ensured) {
            return;
        }
        if (!es.indices().existsAlias(a -> a.name(alias)).value()) {
            String first = alias + "-0";
            try {
                createIndex(first);
            } catch (ElasticsearchException e) {
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
            es.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(first).alias(alias))));
        }
        ensured = true;
    }

    public String rebuilding() {
        List<String> target = jdbc.queryForList("SELECT index_name FROM search_index_rebuild WHERE alias = ?",
                String.class, alias);
        return target.isEmpty() ? null : target.get(0);
    }

    /** Starts writing into a new, empty index; searches still read the current one. */
    public void beginRebuild() throws IOException {
        ensure();
        String previous = rebuilding();
        if (previous != null) {
            deleteQuietly(previous);
        }
        String next = createIndex(alias + "-" + clock.millis());
        jdbc.update("INSERT INTO search_index_rebuild (alias, index_name) VALUES (?, ?) "
                + "ON CONFLICT (alias) DO UPDATE SET index_name = EXCLUDED.index_name", alias, next);
    }

    /** Points the alias at the rebuilt index and drops the ones it pointed at before. */
    public void finishRebuild() throws IOException {
        String next = rebuilding();
        if (next == null) {
            return;
        }
        Set<String> current = currentIndices();
        es.indices().updateAliases(u -> {
            current.forEach(index -> u.actions(a -> a.remove(r -> r.index(index).alias(alias))));
            return u.actions(a -> a.add(add -> add.index(next).alias(alias)));
        });
        jdbc.update("DELETE FROM search_index_rebuild WHERE alias = ?", alias);
        for (String index : current) {
            deleteQuietly(index);
        }
    }

    public Set<String> currentIndices() throws IOException {
        try {
            GetAliasResponse response = es.indices().getAlias(a -> a.name(alias));
            return response.result().keySet();
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return Set.of();
            }
            throw e;
        }
    }

    private String createIndex(String name) throws IOException {
        try (InputStream json = new ByteArrayInputStream(mapping.getBytes(StandardCharsets.UTF_8))) {
            es.indices().create(c -> c.index(name).withJson(json));
        }
        return name;
    }

    private void deleteQuietly(String index) throws IOException {
        try {
            es.indices().delete(d -> d.index(index));
        } catch (ElasticsearchException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    private static String resource(String name) {
        try (InputStream in = SearchIndex.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
