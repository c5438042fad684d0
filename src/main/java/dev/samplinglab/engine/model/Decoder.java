package dev.samplinglab.engine.model;

import java.util.function.BooleanSupplier;

/**
 * A causal decoder-only language model as the rest of the engine sees it, whatever its family
 * (GPT-2, Llama, Qwen2, Qwen3): feed tokens through a {@link KvCache}, or recompute a prefix
 * without one, and get logits out as {@code float[]}. Every call runs in its own NDScope; nothing
 * NDArray-shaped leaves. Vaswani et al. 2017, https://arxiv.org/abs/1706.03762
 */
public interface Decoder extends AutoCloseable {

    /** Family, sizes and byte counts of the loaded model. */
    DecoderSummary summary();

    /** A new empty cache for {@code batch} rows, sized by the kv heads and head_dim. */
    KvCache newCache(int batch);

    /**
     * Feeds {@code tokens} [batch][t] (same t for every row) at the cache's current length and
     * returns the logits of the last new position per row [batch][vocab].
     *
     * @param padding per row, how many leading cache positions are left padding (may be null)
     */
    float[][] step(KvCache cache, int[][] tokens, int[] padding);

    /** Single-row convenience for {@link #step(KvCache, int[][], int[])}. */
    default float[] step(KvCache cache, int... tokens) {
        return step(cache, new int[][] {tokens}, null)[0];
    }

    /**
     * Recomputes the whole prefix without a cache and returns the logits of the last position per
     * row [batch][vocab].
     */
    default float[][] logitsUncached(int[][] tokens, int[] padding) {
        return logitsUncached(tokens, padding, () -> false);
    }

    /**
     * Like {@link #logitsUncached(int[][], int[])}, but asks {@code cancelled} before each layer
     * and returns null once it answers true.
     */
    float[][] logitsUncached(int[][] tokens, int[] padding, BooleanSupplier cancelled);

    /** Logits at every position of one row without a cache [t][vocab] (tests, eval). */
    float[][] logitsAllPositions(int[] tokens);

    /**
     * For rows of equal length t, log p(row[i + 1] | row[0..i]) for i in 0..t-2 [rows][t - 1],
     * computed without handing the [t, vocab] logits out (eval on long windows).
     */
    float[][] nextTokenLogProbs(int[][] rows);

    /**
     * Whether {@link #step} returns, instead of full-vocabulary logits, the natural-log
     * probabilities of the top-N tokens an inference server sent (-Infinity for every other id):
     * their exponentials sum to 1 minus the mass the server did not send. The sampling pipeline
     * then runs over that head ({@code SamplingPipeline.overTopLogProbs}).
     */
    default boolean returnsTopLogProbs() {
        return false;
    }

    /**
     * A caveat that holds for every step of this decoder, e.g. that the context goes to a server as
     * text and is tokenized again there; empty for local models.
     */
    default java.util.Optional<String> contextCaveat() {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
