package dev.samplinglab.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures streaming read bandwidth: every core sums its share of a buffer of at least 1 GiB with
 * libtorch's vectorized {@code sum} (the same kernels' memory path the decoder uses), best of N.
 * Each core runs its own Java thread, since libtorch's intra-op pool is kept at one thread.
 */
final class MemoryBandwidth {
    private MemoryBandwidth() {}

    /** GB/s (10^9 bytes per second) of the best of {@code repeats} full reads. */
    static double measure(long bytes, int repeats) throws Exception {
        int threads = java.lang.Runtime.getRuntime().availableProcessors();
        long perThread = bytes / 4 / threads;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (NDManager m = NDManager.newBaseManager()) {
            List<NDArray> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                parts.add(m.ones(new Shape(perThread)));
            }
            double best = 0;
            for (int r = 0; r < repeats + 1; r++) {
                long t0 = System.nanoTime();
                List<Future<Float>> sums = new ArrayList<>();
                for (NDArray part : parts) {
                    sums.add(pool.submit(() -> sumOf(part)));
                }
                for (Future<Float> f : sums) {
                    f.get();
                }
                double gbs = perThread * 4.0 * threads / (System.nanoTime() - t0);
                if (r > 0) {
                    best = Math.max(best, gbs); // the first pass only faults the pages in
                }
            }
            return best;
        } finally {
            pool.shutdownNow();
        }
    }

    private static float sumOf(NDArray a) {
        try (NDArray s = a.sum()) {
            return s.getFloat();
        }
    }
}
