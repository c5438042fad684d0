package dev.samplinglab.engine.generate.beam;

/**
 * What beam search needs from a language model: next-token logits for a set of rows that grow one
 * token per step, with each row free to continue any row of the previous step. A real decoder keeps
 * a KV cache per row and reorders it ({@link DecoderBeamModel}); a test builds a table of
 * next-token log-probabilities per prefix.
 */
public interface BeamModel {
    int vocabSize();

    /** Starts {@code rows} rows on the same {@code prompt}. */
    Rows open(int[] prompt, int rows);

    /** The rows of one search; logits are per row, [rows][vocab]. */
    interface Rows extends AutoCloseable {
        /** Next-token logits (or log-probabilities) of every row. */
        float[][] logits();

        /**
         * Row {@code i} becomes old row {@code parents[i]} followed by {@code tokens[i]}; a cached
         * model copies cache rows rather than recomputing the prefix.
         */
        void advance(int[] parents, int[] tokens);

        /** Forgets everything and starts the rows on these sequences (all of one length). */
        void restart(int[][] sequences);

        /** Bytes of cache memory the rows hold (0 for a model without a cache). */
        long cacheBytes();

        @Override
        void close();
    }
}
