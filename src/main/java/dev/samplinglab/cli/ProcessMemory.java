package dev.samplinglab.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of this process, for benchmarks and memory tests (Linux /proc). */
public final class ProcessMemory {
    private ProcessMemory() {}

    /** Resident set size in MB, or NaN where /proc is missing. */
    public static double rssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return Double.NaN;
    }

    /**
     * Resident memory minus the committed Java heap, after a GC: what libtorch and direct buffers
     * hold (the KV cache, weights, temporaries), without the heap's lazy growth.
     */
    public static double nativeMegabytes() {
        System.gc();
        try {
            Thread.sleep(100); // lets the cleaner free direct buffers the GC found unreachable
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return rssMegabytes() - java.lang.Runtime.getRuntime().totalMemory() / 1048576.0;
    }

    /** CPU time of the whole process so far (every thread, user + system), in nanoseconds. */
    public static long cpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun
                ? sun.getProcessCpuTime()
                : 0;
    }
}
