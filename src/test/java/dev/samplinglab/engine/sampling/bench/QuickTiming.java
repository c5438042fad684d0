package dev.samplinglab.engine.sampling.bench;

/** Rough timing without JMH, for a quick look while developing. */
public final class QuickTiming {
    public static void main(String[] args) {
        for (String chain : new String[] {"full", "no-top-k"}) {
            PipelineBenchmark b = new PipelineBenchmark();
            b.chain = chain;
            b.setup();
            long[] times = new long[3000];
            for (int i = 0; i < times.length; i++) {
                long t0 = System.nanoTime();
                b.tracedStep();
                times[i] = System.nanoTime() - t0;
            }
            java.util.Arrays.sort(times, 1000, times.length);
            System.out.printf("%s median %.3f ms%n", chain, times[2000] / 1e6);
        }
    }
}
