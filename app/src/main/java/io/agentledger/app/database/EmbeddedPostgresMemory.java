package io.agentledger.app.database;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The zero-setup PostgreSQL's buffer cache ({@code shared_buffers}), in megabytes. {@code auto} takes
 * an eighth of the machine's memory (the service and the search node share it), between PostgreSQL's
 * own default of 128 MB and 2 GB; a size such as {@code 512MB} or {@code 1GB} is taken as it is.
 */
public final class EmbeddedPostgresMemory {

    static final long MIN_MB = 128;
    static final long AUTO_MAX_MB = 2048;
    private static final Pattern SIZE = Pattern.compile("(\\d{1,7})\\s*(MB|GB)");

    private EmbeddedPostgresMemory() {
    }

    public static long sharedBuffersMb(String setting) {
        return sharedBuffersMb(setting, physicalMemoryBytes());
    }

    static long sharedBuffersMb(String setting, long physicalBytes) {
        String value = setting == null ? "AUTO" : setting.trim().toUpperCase(Locale.ROOT);
        if (value.equals("AUTO")) {
            long eighth = physicalBytes / 8 / (1024 * 1024);
            return Math.max(MIN_MB, Math.min(AUTO_MAX_MB, eighth));
        }
        Matcher size = SIZE.matcher(value);
        if (!size.matches()) {
            throw new IllegalArgumentException("agentledger.embedded-postgres.shared-buffers must be auto or a size "
                    + "such as 512MB or 1GB, not " + setting);
        }
        long mb = Long.parseLong(size.group(1)) * (size.group(2).equals("GB") ? 1024 : 1);
        if (mb < MIN_MB) {
            throw new IllegalArgumentException("agentledger.embedded-postgres.shared-buffers must be at least "
                    + MIN_MB + "MB, not " + setting);
        }
        return mb;
    }

    private static long physicalMemoryBytes() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
    }
}
