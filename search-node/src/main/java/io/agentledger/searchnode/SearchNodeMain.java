package io.agentledger.searchnode;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.ClasspathNode;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs one Elasticsearch node on 127.0.0.1 until its standard input closes, so that it never outlives
 * the service (or test JVM) that started it. Arguments: home folder, HTTP port. Prints {@value #READY}
 * and the port once it serves HTTP.
 */
public final class SearchNodeMain {

    public static final String READY = "search-node ready on port ";

    private SearchNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Files.createDirectories(home.resolve("config"));
        Settings settings = Settings.builder()
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("node.name", "agentledger-search")
                .put("cluster.name", "agentledger")
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", port)
                .put("transport.port", "0")
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("action.destructive_requires_name", false)
                .build();
        LogConfigurator.registerErrorListener();
        LogConfigurator.setNodeName("agentledger-search");
        LogConfigurator.setClusterName("agentledger");
        LogConfigurator.configureESLogging();
        LogConfigurator.configureWithoutConfig(settings);

        Node node = new ClasspathNode(new Environment(settings, home.resolve("config")),
                List.of(Netty4Plugin.class, RootEndpointPlugin.class));
        node.start();
        System.out.println(READY + port);
        System.out.flush();
        while (System.in.read() >= 0) {
            // the parent holds the pipe open while it wants this node
        }
        node.close();
        node.awaitClose(30, java.util.concurrent.TimeUnit.SECONDS);
        System.exit(0);
    }
}
