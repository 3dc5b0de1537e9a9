package io.agentledger.app.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The search node's jars as the packaged service carries them ({@code search-node/lib/*.jar} inside
 * the jar): copied once into the data directory, so {@code java -jar agentledger.jar} starts its own
 * Elasticsearch node like the build does.
 */
final class BundledSearchNode {

    static final String LOCATION = "classpath*:search-node/lib/*.jar";
    private static final Logger log = LoggerFactory.getLogger(BundledSearchNode.class);

    private BundledSearchNode() {
    }

    /** The classpath of the node's JVM, or empty when this service was not packaged with the node. */
    static Optional<String> classpath(Path dataDir) {
        Resource[] jars;
        try {
            jars = new PathMatchingResourcePatternResolver().getResources(LOCATION);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the bundled search node", e);
        }
        if (jars.length == 0) {
            return Optional.empty();
        }
        Path lib = dataDir.resolve("search-node").resolve("lib").toAbsolutePath();
        try {
            Files.createDirectories(lib);
            int copied = 0;
            for (Resource jar : jars) {
                Path target = lib.resolve(jar.getFilename());
                if (!Files.exists(target) || Files.size(target) != jar.contentLength()) {
                    Path temporary = Files.createTempFile(lib, ".jar", ".tmp");
                    try (InputStream in = jar.getInputStream()) {
                        Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
                    }
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    copied++;
                }
            }
            if (copied > 0) {
                log.info("Unpacked the bundled search node ({} jars) into {}", copied, lib);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the bundled search node into " + lib, e);
        }
        return Optional.of(lib + java.io.File.separator + "*");
    }
}
