package io.agentledger.command.agent.build;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Unpacks a {@code .tar.gz} into an empty directory and refuses, as a failed build, what could reach
 * outside it or fill the disk: absolute names, {@code ..}, links whose target leaves the tree, device
 * files, more files or bytes than the limits, and a compression ratio beyond the limit (counted while
 * writing, so a bomb stops at the limit rather than after it).
 */
final class SafeExtractor {

    private static final long RATIO_FLOOR = 1024 * 1024;

    private final AgentPackageLimits limits;

    SafeExtractor(AgentPackageLimits limits) {
        this.limits = limits;
    }

    /** @return the number of files written */
    int extract(Path tarball, Path target) throws IOException, PackageRejected {
        Files.createDirectories(target);
        Path root = target.toRealPath();
        long packed = Math.max(1, Files.size(tarball));
        long unpacked = 0;
        int files = 0;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(tarball));
             TarArchiveInputStream tar = new TarArchiveInputStream(gzip(raw))) {
            TarArchiveEntry entry;
            while ((entry = nextEntry(tar)) != null) {
                Path destination = inside(root, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                if (++files > limits.maxFiles()) {
                    throw new PackageRejected("the package has more than " + limits.maxFiles() + " files");
                }
                requireParentInside(root, destination);
                if (entry.isSymbolicLink()) {
                    Path linkTarget = destination.getParent().toRealPath().resolve(entry.getLinkName()).normalize();
                    if (Path.of(entry.getLinkName()).isAbsolute() || !linkTarget.startsWith(root)) {
                        throw new PackageRejected("the link " + entry.getName() + " points outside the package ("
                                + entry.getLinkName() + ")");
                    }
                    Files.createSymbolicLink(destination, Path.of(entry.getLinkName()));
                    continue;
                }
                if (entry.isLink()) {
                    Path linked = inside(root, entry.getLinkName());
                    if (!Files.isRegularFile(linked, LinkOption.NOFOLLOW_LINKS)) {
                        throw new PackageRejected("the hard link " + entry.getName() + " points outside the package "
                                + "or at nothing in it (" + entry.getLinkName() + ")");
                    }
                    Files.copy(linked, destination);
                    continue;
                }
                if (!entry.isFile() || entry.isFIFO() || entry.isCharacterDevice() || entry.isBlockDevice()) {
                    throw new PackageRejected(entry.getName() + " is a device, FIFO or other special file");
                }
                unpacked = write(tar, destination, unpacked, packed);
            }
        }
        return files;
    }

    private long write(InputStream tar, Path destination, long unpacked, long packed)
            throws IOException, PackageRejected {
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(destination, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            int n;
            while ((n = tar.read(buffer)) > 0) {
                unpacked += n;
                if (unpacked > limits.maxUnpacked().toBytes()) {
                    throw new PackageRejected("the package unpacks to more than " + limits.maxUnpacked().toBytes()
                            + " bytes");
                }
                if (unpacked > RATIO_FLOOR && unpacked / packed > limits.maxRatio()) {
                    throw new PackageRejected("the package unpacks to more than " + limits.maxRatio() + " times its "
                            + "size: a compression bomb");
                }
                out.write(buffer, 0, n);
            }
        }
        return unpacked;
    }

    private static Path inside(Path root, String name) throws PackageRejected {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains("\0")
                || Path.of(name).isAbsolute()) {
            throw new PackageRejected("the entry " + name + " has an absolute or malformed path");
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                throw new PackageRejected("the entry " + name + " climbs out of the package (..)");
            }
        }
        Path destination = root.resolve(name).normalize();
        if (!destination.startsWith(root) || destination.equals(root)) {
            throw new PackageRejected("the entry " + name + " lies outside the package");
        }
        return destination;
    }

    /** No entry may be written through a link extracted before it. */
    private static void requireParentInside(Path root, Path destination) throws IOException, PackageRejected {
        Path parent = destination.getParent();
        Files.createDirectories(parent);
        if (!parent.toRealPath().startsWith(root) || Files.exists(destination, LinkOption.NOFOLLOW_LINKS)) {
            throw new PackageRejected("the entry " + root.relativize(destination) + " would be written through a "
                    + "link or over another entry");
        }
    }

    private static InputStream gzip(InputStream raw) throws PackageRejected {
        try {
            return new GzipCompressorInputStream(raw);
        } catch (IOException e) {
            throw new PackageRejected("the file is not a gzip-compressed tar archive");
        }
    }

    private static TarArchiveEntry nextEntry(TarArchiveInputStream tar) throws PackageRejected {
        try {
            return tar.getNextEntry();
        } catch (IOException e) {
            throw new PackageRejected("the archive is damaged: " + e.getMessage());
        }
    }
}
