package io.agentledger.app.agent;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Agent packages built in the test: real {@code .tar.gz} archives, well-formed or hostile. */
public final class AgentPackages {

    public static final String MANIFEST = "name: echo\nversion: 1.0.0\nruntime: python\nentrypoint: agent.main:handle\n";

    private final List<Entry> entries = new ArrayList<>();

    public static AgentPackages of(String manifest, String mainPy) {
        AgentPackages p = new AgentPackages();
        if (manifest != null) {
            p.file("anymind.yaml", manifest);
        }
        if (mainPy != null) {
            p.file("agent/__init__.py", "").file("agent/main.py", mainPy);
        }
        return p;
    }

    AgentPackages file(String name, String text) {
        entries.add(new Entry(name, text.getBytes(StandardCharsets.UTF_8), 0, null, false));
        return this;
    }

    AgentPackages zeros(String name, long size) {
        entries.add(new Entry(name, null, size, null, false));
        return this;
    }

    AgentPackages symlink(String name, String target) {
        entries.add(new Entry(name, null, 0, target, false));
        return this;
    }

    AgentPackages hardlink(String name, String target) {
        entries.add(new Entry(name, null, 0, target, true));
        return this;
    }

    public byte[] tarGz() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Entry e : entries) {
                TarArchiveEntry entry;
                if (e.link != null) {
                    entry = new TarArchiveEntry(e.name, e.hard ? TarArchiveEntry.LF_LINK : TarArchiveEntry.LF_SYMLINK);
                    entry.setLinkName(e.link);
                    tar.putArchiveEntry(entry);
                } else {
                    entry = new TarArchiveEntry(e.name, true);
                    entry.setSize(e.bytes != null ? e.bytes.length : e.zeros);
                    tar.putArchiveEntry(entry);
                    if (e.bytes != null) {
                        tar.write(e.bytes);
                    } else {
                        byte[] block = new byte[64 * 1024];
                        for (long left = e.zeros; left > 0; left -= block.length) {
                            tar.write(block, 0, (int) Math.min(block.length, left));
                        }
                    }
                }
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A multipart form with {@code bytes} as its part "file", posted with {@code headers}. */
    public static HttpResponse<String> upload(String url, String filename, byte[] bytes, String... headers) {
        String boundary = "----agentledger" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/gzip\r\n\r\n");
        body.writeBytes(bytes);
        write(body, "\r\n--" + boundary + "--\r\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Entry(String name, byte[] bytes, long zeros, String link, boolean hard) {
    }
}
