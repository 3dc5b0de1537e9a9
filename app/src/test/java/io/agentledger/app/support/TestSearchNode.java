package io.agentledger.app.support;

import io.agentledger.projection.search.EmbeddedSearchNode;

import java.nio.file.Path;

/**
 * One Elasticsearch node per test JVM (the same launcher the zero-setup service uses), shared by every
 * test context through distinct index prefixes.
 */
public final class TestSearchNode {

    private static EmbeddedSearchNode node;

    private TestSearchNode() {
    }

    public static synchronized String url() {
        if (node == null) {
            String classpath = System.getProperty("agentledger.search.embedded.classpath");
            if (classpath == null || classpath.isBlank()) {
                throw new IllegalStateException("Run the tests through Maven: agentledger.search.embedded.classpath "
                        + "names the search node's classpath");
            }
            node = new EmbeddedSearchNode(classpath, Path.of("target", "test-search-node"), "384m", 0);
            deleteData();
            node.start();
            Runtime.getRuntime().addShutdownHook(new Thread(node::stop));
        }
        return node.url();
    }

    private static void deleteData() {
        try (var files = java.nio.file.Files.walk(Path.of("target", "test-search-node"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // nothing there yet
        }
    }
}
