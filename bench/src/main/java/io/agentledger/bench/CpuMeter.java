package io.agentledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * CPU time spent by the measured service and by PostgreSQL (the postmaster, its backends and what they
 * reaped), read from {@code /proc} on Linux, where the kernel counts it in hundredths of a second.
 * Unknown (-1) elsewhere, and for a database the harness did not start.
 */
final class CpuMeter {

    static final CpuMeter NONE = new CpuMeter(-1, -1);
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final long servicePid;
    private final long databasePid;

    CpuMeter(long servicePid, long databasePid) {
        this.servicePid = servicePid;
        this.databasePid = databasePid;
    }

    Sample sample() {
        return new Sample(treeNanos(servicePid), treeNanos(databasePid));
    }

    /** CPU nanoseconds spent so far, -1 where unknown. */
    record Sample(long serviceNanos, long databaseNanos) {

        /** Milliseconds per operation from {@code before} to this sample; NaN where unknown or nothing ran. */
        double serviceMillisPer(Sample before, long operations) {
            return millisPer(before.serviceNanos, serviceNanos, operations);
        }

        double databaseMillisPer(Sample before, long operations) {
            return millisPer(before.databaseNanos, databaseNanos, operations);
        }

        private static double millisPer(long from, long to, long operations) {
            return from < 0 || to < from || operations == 0 ? Double.NaN
                    : Math.round((to - from) / 1e6 / operations * 1000) / 1000.0;
        }
    }

    private static long treeNanos(long pid) {
        Optional<ProcessHandle> root = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
        long ticks = root.isPresent() ? ticks(pid) : -1;
        if (ticks < 0) {
            return -1;
        }
        for (ProcessHandle child : root.get().descendants().toList()) {
            ticks += Math.max(0, ticks(child.pid()));
        }
        return ticks * NANOS_PER_TICK;
    }

    /** utime, stime, cutime and cstime: fields 14 to 17 of {@code /proc/<pid>/stat}, after the command name. */
    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }
}
