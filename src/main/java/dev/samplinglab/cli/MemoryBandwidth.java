package dev.samplinglab.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.samplinglab.engine.model.MatVec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Streaming read bandwidth, the bound of a decode step that must read every weight once (McCalpin's
 * STREAM idea, https://www.cs.virginia.edu/stream/): every core reads its own part of a buffer of
 * at least 1 GiB, best of N passes after one that faults the pages in. Two readers: plain Java
 * vector loads over heap arrays, where {@link dev.samplinglab.engine.model.Projection} keeps the
 * weights (the bound quoted; off-heap when the heap has no room for it), and libtorch's {@code sum}
 * (what libtorch's own kernels get from memory).
 */
final class MemoryBandwidth {
    private MemoryBandwidth() {}

    /** Where {@link #javaStreaming} read: "heap" or "off-heap". */
    static String javaStreamingMemory(long bytes) {
        Runtime rt = Runtime.getRuntime();
        long room = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        return room > bytes + (256L << 20) ? "heap" : "off-heap";
    }

    /**
     * GB/s (10^9 bytes per second) of a Java all-core streaming read over heap arrays (off-heap
     * when the heap has no room: {@link #javaStreamingMemory}).
     */
    static double javaStreaming(long bytes, int repeats) throws Exception {
        if (javaStreamingMemory(bytes).equals("off-heap")) {
            return offHeapStreaming(bytes, repeats);
        }
        int threads = java.lang.Runtime.getRuntime().availableProcessors();
        int perThread = Math.toIntExact(Math.min(bytes / 4 / threads, Integer.MAX_VALUE - 64));
        List<Callable<Float>> reads = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            float[] a = new float[perThread];
            java.util.Arrays.fill(a, 1f);
            reads.add(() -> MatVec.sum(a, 0, perThread));
        }
        return best((long) perThread * 4 * threads, repeats, threads, reads);
    }

    private static double offHeapStreaming(long bytes, int repeats) throws Exception {
        int threads = java.lang.Runtime.getRuntime().availableProcessors();
        int perThread = Math.toIntExact(Math.min(bytes / threads, Integer.MAX_VALUE - 64) & ~63L);
        List<ByteBuffer> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            ByteBuffer b = ByteBuffer.allocateDirect(perThread).order(ByteOrder.nativeOrder());
            for (int o = 0; o < perThread; o += 4096) {
                b.putFloat(o, 1f); // touch every page once
            }
            parts.add(b);
        }
        List<Callable<Float>> reads = new ArrayList<>();
        for (ByteBuffer b : parts) {
            reads.add(() -> MatVec.sum(b, 0, perThread));
        }
        return best((long) perThread * threads, repeats, threads, reads);
    }

    /** GB/s of libtorch's {@code sum} over each core's part (one Java thread per core). */
    static double libtorchSum(long bytes, int repeats) throws Exception {
        int threads = java.lang.Runtime.getRuntime().availableProcessors();
        long perThread = bytes / 4 / threads;
        try (NDManager m = NDManager.newBaseManager()) {
            List<Callable<Float>> reads = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                NDArray part = m.ones(new Shape(perThread));
                reads.add(() -> sumOf(part));
            }
            return best(perThread * 4 * threads, repeats, threads, reads);
        }
    }

    private static double best(long total, int repeats, int threads, List<Callable<Float>> reads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            double best = 0;
            for (int r = 0; r < repeats + 1; r++) {
                long t0 = System.nanoTime();
                List<Future<Float>> sums = new ArrayList<>();
                for (Callable<Float> read : reads) {
                    sums.add(pool.submit(read));
                }
                for (Future<Float> f : sums) {
                    f.get();
                }
                double gbs = (double) total / (System.nanoTime() - t0);
                if (r > 0) {
                    best = Math.max(best, gbs); // the first pass warms the code and the pages
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
