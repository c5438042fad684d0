package dev.samplinglab.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where one cached decode step of a {@link GptModel} spends its time: every op type timed inside
 * the real step by an {@link OpClock}, set against the bytes it must read (weights for the
 * projections, the cache for attention), as in the roofline view of Williams et al. 2009
 * (https://doi.org/10.1145/1498765.1498785). What the laps do not cover (JNI crossings, scope
 * bookkeeping, sampling's caller) shows as {@code unaccounted}.
 */
public final class DecodeProfile {
    /** One op type per token: how often it runs, its time and the bytes it must read. */
    public record Row(String op, double callsPerToken, double msPerToken, double bytesPerToken) {
        /** GB/s achieved on the bytes the op must read (0 when it reads next to nothing). */
        public double gigabytesPerSecond() {
            return msPerToken > 0 ? bytesPerToken / msPerToken / 1e6 : 0;
        }
    }

    private DecodeProfile() {}

    /** Decodes {@code tokens} positions after token 0 with the clock on and reports per token. */
    public static List<Row> run(GptModel model, int tokens) {
        OpClock clock = OpClock.recording();
        long total;
        try (KvCache cache = model.newCache(1)) {
            model.step(cache, 0);
            model.setClock(clock);
            long t0 = System.nanoTime();
            for (int i = 1; i < tokens; i++) {
                model.step(cache, i % model.config().vocabSize());
            }
            total = System.nanoTime() - t0;
        } finally {
            model.setClock(OpClock.OFF);
        }
        int steps = tokens - 1;
        double meanContext = (tokens + 1) / 2.0;
        List<Row> rows = new ArrayList<>();
        long accounted = 0;
        for (Map.Entry<String, long[]> e : clock.totals().entrySet()) {
            long[] v = e.getValue();
            accounted += v[0];
            double calls = (double) v[1] / steps;
            rows.add(
                    new Row(
                            e.getKey(),
                            calls,
                            v[0] / 1e6 / steps,
                            calls * bytesPerCall(e.getKey(), model.config(), meanContext)));
        }
        rows.add(new Row("unaccounted", 1, (total - accounted) / 1e6 / steps, 0));
        rows.add(new Row("step", 1, total / 1e6 / steps, totalBytes(rows)));
        return rows;
    }

    private static double totalBytes(List<Row> rows) {
        return rows.stream().mapToDouble(Row::bytesPerToken).sum();
    }

    /** Bytes an op must read once per call at decode (fp32): weights, biases or the cache. */
    static double bytesPerCall(String op, ModelConfig c, double context) {
        double d = c.nEmbd();
        return 4
                * switch (op) {
                    case "qkv" -> 3 * d * d + 3 * d;
                    case "attn_out" -> d * d + d;
                    case "mlp_up" -> 4 * d * d + 4 * d;
                    case "mlp_down" -> 4 * d * d + d;
                    case "lm_head" -> (double) c.vocabSize() * d;
                    case "attention" -> 2 * context * d; // keys and values so far
                    case "embedding" -> 2 * d;
                    case "layer_norm" -> 3 * d;
                    case "residual" -> 2 * d;
                    case "gelu" -> 4 * d;
                    case "copy_out" -> c.vocabSize();
                    default -> 0;
                };
    }
}
