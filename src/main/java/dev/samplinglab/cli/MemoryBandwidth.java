package dev.samplinglab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Measures streaming read bandwidth: sum a buffer of at least 1 GiB with every core, best of N. */
final class MemoryBandwidth {
    private MemoryBandwidth() {}

    /** GB/s (10^9 bytes per second) of the best of {@code repeats} full reads. */
    static double measure(long bytes, int repeats) throws Exception {
        int threads = java.lang.Runtime.getRuntime().availableProcessors();
        long[] buf = new long[(int) (bytes / 8)];
        java.util.Arrays.fill(buf, 1L);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            double best = 0;
            long sink = 0;
            for (int r = 0; r < repeats + 1; r++) {
                long t0 = System.nanoTime();
                List<Future<Long>> parts = new ArrayList<>();
                int chunk = buf.length / threads;
                for (int t = 0; t < threads; t++) {
                    int from = t * chunk;
                    int to = t == threads - 1 ? buf.length : from + chunk;
                    parts.add(pool.submit(() -> sum(buf, from, to)));
                }
                for (Future<Long> f : parts) {
                    sink += f.get();
                }
                double gbs = buf.length * 8.0 / (System.nanoTime() - t0);
                if (r > 0) {
                    best = Math.max(best, gbs); // the first pass only warms up the JIT
                }
            }
            if (sink == 42) {
                System.err.print(""); // keeps the sums alive
            }
            return best;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long sum(long[] a, int from, int to) {
        long s0 = 0;
        long s1 = 0;
        long s2 = 0;
        long s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        for (; i < to; i++) {
            s0 += a[i];
        }
        return s0 + s1 + s2 + s3;
    }
}
