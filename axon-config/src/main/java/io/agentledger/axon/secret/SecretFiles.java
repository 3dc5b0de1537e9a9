package io.agentledger.axon.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Keys the service makes for itself when none is configured, kept in a properties file readable by
 * its owner only, so that they survive restarts.
 */
public final class SecretFiles {

    private SecretFiles() {
    }

    /** The file's properties; when it does not exist yet, {@code initial}'s, written first. */
    public static Properties readOrCreate(Path file, String comment, Supplier<Properties> initial) {
        if (!Files.exists(file)) {
            try {
                create(file, comment, initial.get());
            } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                // read what the other process wrote
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the key file " + file, e);
            }
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the key file " + file, e);
        }
        return properties;
    }

    private static void create(Path file, String comment, Properties properties) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".key", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the file system has no POSIX permissions; the directory's protection applies
            }
            try (var out = Files.newBufferedWriter(temporary)) {
                properties.store(out, comment);
            }
            Files.createLink(file, temporary);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
