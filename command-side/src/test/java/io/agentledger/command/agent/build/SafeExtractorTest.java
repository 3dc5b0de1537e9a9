package io.agentledger.command.agent.build;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafeExtractorTest {

    @TempDir
    Path dir;

    private final SafeExtractor extractor = new SafeExtractor(new AgentPackageLimits(DataSize.ofMegabytes(100),
            DataSize.ofMegabytes(5), 3, 100, DataSize.ofKilobytes(64)));

    private interface Entries {
        void write(TarArchiveOutputStream tar) throws IOException;
    }

    private Path tarGz(Entries entries) throws IOException {
        Path file = dir.resolve("p" + System.nanoTime() + ".tar.gz");
        try (OutputStream out = Files.newOutputStream(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            entries.write(tar);
        }
        return file;
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    @Test
    void aWellFormedPackageIsUnpackedWithItsFolders() throws Exception {
        Path target = dir.resolve("ok");
        int files = extractor.extract(tarGz(tar -> {
            file(tar, "anymind.yaml", "name: x".getBytes(StandardCharsets.UTF_8));
            file(tar, "agent/main.py", "def handle(p): return p".getBytes(StandardCharsets.UTF_8));
        }), target);
        assertThat(files).isEqualTo(2);
        assertThat(target.resolve("agent/main.py")).hasContent("def handle(p): return p");
    }

    @Test
    void tooManyFilesTooManyBytesAndNoGzipAreRefused() throws Exception {
        Path many = tarGz(tar -> {
            for (int i = 0; i < 4; i++) {
                file(tar, "f" + i, new byte[]{1});
            }
        });
        assertThatThrownBy(() -> extractor.extract(many, dir.resolve("many"))).isInstanceOf(PackageRejected.class)
                .hasMessageContaining("more than 3 files");
        byte[] noise = new byte[6 << 20];
        new java.util.Random(1).nextBytes(noise);
        Path big = tarGz(tar -> file(tar, "big.bin", noise));
        assertThatThrownBy(() -> extractor.extract(big, dir.resolve("big"))).isInstanceOf(PackageRejected.class)
                .hasMessageContaining("unpacks to more than");
        Path plain = Files.writeString(dir.resolve("plain.tar.gz"), "not gzip");
        assertThatThrownBy(() -> extractor.extract(plain, dir.resolve("plain"))).isInstanceOf(PackageRejected.class)
                .hasMessageContaining("not a gzip");
    }

    @Test
    void aBombStopsAtTheRatioLimitBeforeItsEnd() throws Exception {
        Path bomb = tarGz(tar -> file(tar, "zeros", new byte[4 << 20]));
        Path target = dir.resolve("bomb");
        assertThatThrownBy(() -> extractor.extract(bomb, target)).isInstanceOf(PackageRejected.class)
                .hasMessageContaining("compression bomb");
        assertThat(Files.size(target.resolve("zeros"))).isLessThan(4L << 20);
    }

    @Test
    void linksMayNotLeaveTheTreeAndDevicesAreRefused() throws Exception {
        Path escape = tarGz(tar -> {
            TarArchiveEntry link = new TarArchiveEntry("etc", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        });
        assertThatThrownBy(() -> extractor.extract(escape, dir.resolve("escape")))
                .isInstanceOf(PackageRejected.class).hasMessageContaining("points outside");
        Path hard = tarGz(tar -> {
            TarArchiveEntry link = new TarArchiveEntry("shadow", TarArchiveEntry.LF_LINK);
            link.setLinkName("../../etc/shadow");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        });
        assertThatThrownBy(() -> extractor.extract(hard, dir.resolve("hard")))
                .isInstanceOf(PackageRejected.class).hasMessageContaining("climbs out");
        Path device = tarGz(tar -> {
            TarArchiveEntry fifo = new TarArchiveEntry("pipe", TarArchiveEntry.LF_FIFO);
            tar.putArchiveEntry(fifo);
            tar.closeArchiveEntry();
        });
        assertThatThrownBy(() -> extractor.extract(device, dir.resolve("device")))
                .isInstanceOf(PackageRejected.class).hasMessageContaining("special file");
    }
}
