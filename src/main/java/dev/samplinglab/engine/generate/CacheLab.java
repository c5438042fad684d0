package dev.samplinglab.engine.generate;

import dev.samplinglab.engine.BadInputException;
import dev.samplinglab.engine.model.Decoder;
import dev.samplinglab.engine.model.DecoderSummary;
import dev.samplinglab.engine.model.KvCache;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Times greedy decoding with and without the KV cache, position by position. The prompt is
 * prefilled in one cached forward; then every position is decoded once through the cache (one new
 * token against the stored keys and values, O(T) work) and, when asked, once more from scratch over
 * the whole prefix (O(T^2) work), and the two logit vectors are compared. Cancellation is checked
 * between the two passes of every position. Pope et al. 2022 analyse the trade-off:
 * https://arxiv.org/abs/2211.05102
 */
public final class CacheLab {
    private final Decoder model;

    public CacheLab(Decoder model) {
        this.model = model;
    }

    /**
     * What one run does.
     *
     * @param prompt token ids prefilled in one forward (at least one)
     * @param positions total positions to reach, prompt included (at most the context)
     * @param uncached whether to recompute every position without the cache too
     */
    public record Options(int[] prompt, int positions, boolean uncached) {
        public Options {
            prompt = prompt.clone();
            if (prompt.length == 0) {
                throw new BadInputException("the prompt needs at least one token");
            }
            if (positions <= prompt.length) {
                throw new BadInputException(
                        "positions ("
                                + positions
                                + ") must exceed the prompt length ("
                                + prompt.length
                                + ")");
            }
        }

        @Override
        public int[] prompt() {
            return prompt.clone();
        }

        /** Decode steps after the prefill. */
        public int decodeSteps() {
            return positions - prompt.length;
        }
    }

    /**
     * One decoded position.
     *
     * @param position 0-based position of the token fed (the prompt fills 0..P-1)
     * @param cachedMillis time of the cached step
     * @param uncachedMillis time of the full-prefix forward, NaN when not run
     * @param absDiff max |logit difference| at this position, NaN when not run
     * @param cacheLength positions held by the cache after the step
     * @param cacheBytes bytes of keys and values held after the step
     */
    public record Sample(
            int position,
            double cachedMillis,
            double uncachedMillis,
            double absDiff,
            int cacheLength,
            long cacheBytes) {}

    /** Receives progress on the running thread. */
    public interface Listener {
        /** The prompt of {@code length} tokens was prefilled in {@code millis}. */
        default void prefilled(int length, double millis, long cacheBytes) {}

        /** One more position was decoded. */
        default void decoded(Sample sample) {}
    }

    /**
     * The outcome.
     *
     * @param tokens prompt plus the greedily decoded ids
     * @param prefillMillis time of the prompt's cached forward
     * @param cachedMillis time of each cached decode step
     * @param uncachedMillis time of each full-prefix forward (empty when not run)
     * @param maxAbsDiff largest |logit difference| seen, NaN when not run
     * @param cancelled whether the run stopped early
     */
    public record Result(
            int[] tokens,
            double prefillMillis,
            double[] cachedMillis,
            double[] uncachedMillis,
            double maxAbsDiff,
            boolean cancelled) {

        /** Decode steps completed. */
        public int steps() {
            return cachedMillis.length;
        }

        public double cachedTotalMillis() {
            return Arrays.stream(cachedMillis).sum();
        }

        public double uncachedTotalMillis() {
            return Arrays.stream(uncachedMillis).sum();
        }

        /** Uncached over cached decode time, NaN when the uncached pass was not run. */
        public double speedup() {
            return uncachedMillis.length == 0
                    ? Double.NaN
                    : uncachedTotalMillis() / cachedTotalMillis();
        }
    }

    /**
     * Runs until done or until {@code cancelled} answers true (checked between passes and between
     * the layers of an uncached pass).
     */
    public Result run(Options options, Listener listener, BooleanSupplier cancelled) {
        if (options.positions() > model.summary().context()) {
            throw new BadInputException(
                    options.positions()
                            + " positions exceed the model's context of "
                            + model.summary().context());
        }
        int[] prompt = options.prompt();
        int steps = options.decodeSteps();
        int[] tokens = Arrays.copyOf(prompt, options.positions() + 1);
        double[] cached = new double[steps];
        double[] uncached = new double[options.uncached() ? steps : 0];
        double maxDiff = options.uncached() ? 0 : Double.NaN;
        RowSampler greedy = RowSampler.greedy();
        int done = 0;
        try (KvCache cache = model.newCache(1)) {
            long t0 = System.nanoTime();
            float[] logits = model.step(cache, prompt);
            double prefill = millisSince(t0);
            listener.prefilled(prompt.length, prefill, cache.bytes());
            for (int i = 0; i < steps && !cancelled.getAsBoolean(); i++) {
                int pos = prompt.length + i;
                tokens[pos] = greedy.pick(0, i, logits, tokens);
                t0 = System.nanoTime();
                logits = model.step(cache, tokens[pos]);
                cached[i] = millisSince(t0);
                double ms = Double.NaN;
                double diff = Double.NaN;
                if (options.uncached()) {
                    if (cancelled.getAsBoolean()) {
                        break;
                    }
                    t0 = System.nanoTime();
                    float[][] rows =
                            model.logitsUncached(
                                    new int[][] {Arrays.copyOf(tokens, pos + 1)}, null, cancelled);
                    if (rows == null) {
                        break;
                    }
                    float[] full = rows[0];
                    ms = millisSince(t0);
                    diff = maxAbsDiff(full, logits);
                    uncached[i] = ms;
                    maxDiff = Math.max(maxDiff, diff);
                }
                done = i + 1;
                listener.decoded(
                        new Sample(pos, cached[i], ms, diff, cache.length(), cache.bytes()));
            }
            return new Result(
                    Arrays.copyOf(tokens, prompt.length + done),
                    prefill,
                    Arrays.copyOf(cached, done),
                    Arrays.copyOf(uncached, Math.min(done, uncached.length)),
                    maxDiff,
                    done < steps);
        }
    }

    /**
     * Bytes of keys and values for {@code positions}: 2 · layers · positions · kv_heads · head_dim
     * · 4 (fp32).
     */
    public static long cacheBytes(int layers, int positions, int kvHeads, int headDim) {
        return DecoderSummary.kvCacheBytes(layers, positions, kvHeads, headDim);
    }

    static double maxAbsDiff(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static double millisSince(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }
}
