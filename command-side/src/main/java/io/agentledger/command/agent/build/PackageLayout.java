package io.agentledger.command.agent.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where a package's files begin: its top, or the one folder at its top that holds the manifest. */
public final class PackageLayout {

    private PackageLayout() {
    }

    public static Path root(Path extracted) throws IOException, PackageRejected {
        if (Files.isRegularFile(extracted.resolve(Manifest.FILE), LinkOption.NOFOLLOW_LINKS)) {
            return extracted;
        }
        List<Path> top;
        try (Stream<Path> entries = Files.list(extracted)) {
            top = entries.toList();
        }
        if (top.size() == 1 && Files.isDirectory(top.get(0), LinkOption.NOFOLLOW_LINKS)
                && Files.isRegularFile(top.get(0).resolve(Manifest.FILE), LinkOption.NOFOLLOW_LINKS)) {
            return top.get(0);
        }
        throw new PackageRejected("the package has no " + Manifest.FILE + " at its top");
    }
}
