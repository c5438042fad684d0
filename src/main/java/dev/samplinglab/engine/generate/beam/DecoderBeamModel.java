package dev.samplinglab.engine.generate.beam;

import dev.samplinglab.engine.generate.LanguageModel;
import dev.samplinglab.engine.model.Decoder;
import dev.samplinglab.engine.model.KvCache;
import java.util.Arrays;

/**
 * The real decoder behind {@link BeamModel}. Cached: one {@link KvCache} with a row per beam; the
 * prompt is prefilled into every row in one batched call (as HF's {@code
 * _expand_inputs_for_generation} + prefill), then each step reorders the cache rows by the beams'
 * parents ({@link KvCache#reorder}, HF's {@code Cache.reorder_cache(beam_idx)}) and feeds one token
 * per row. Uncached: every step recomputes each beam's whole sequence. It counts forward calls and
 * the positions they computed, which shows that the cached path never recomputes a prefix.
 */
public final class DecoderBeamModel implements BeamModel {
    private final Decoder model;
    private final boolean cached;
    private final int vocab;
    private long forwardCalls;
    private long positionsComputed;

    public DecoderBeamModel(Decoder model, boolean cached) {
        this(model, cached, model.summary().vocab());
    }

    /**
     * @param vocab logits past this id are cut (embedding rows the tokenizer cannot show, as the
     *     step window does; HF keeps them, they carry next to no probability)
     */
    public DecoderBeamModel(Decoder model, boolean cached, int vocab) {
        this.model = model;
        this.cached = cached;
        this.vocab = Math.min(vocab, model.summary().vocab());
    }

    /** The language model's decoder, logits cut to the ids its tokenizer shows. */
    public static DecoderBeamModel of(LanguageModel lm, boolean cached) {
        return new DecoderBeamModel(lm.model(), cached, lm.shownVocab());
    }

    @Override
    public int vocabSize() {
        return vocab;
    }

    @Override
    public Rows open(int[] prompt, int rows) {
        int[][] copies = new int[rows][];
        Arrays.fill(copies, prompt);
        return cached ? new CachedRows(copies) : new UncachedRows(copies);
    }

    /** Forward calls made so far (a prefill or a step of all rows counts one). */
    public long forwardCalls() {
        return forwardCalls;
    }

    /** Token positions computed so far, summed over rows. */
    public long positionsComputed() {
        return positionsComputed;
    }

    private float[][] count(float[][] logits, int[][] fed) {
        forwardCalls++;
        for (int[] row : fed) {
            positionsComputed += row.length;
        }
        if (logits[0].length > vocab) {
            for (int r = 0; r < logits.length; r++) {
                logits[r] = Arrays.copyOf(logits[r], vocab);
            }
        }
        return logits;
    }

    private final class CachedRows implements Rows {
        private final KvCache cache;
        private float[][] logits;

        CachedRows(int[][] prompts) {
            cache = model.newCache(prompts.length);
            try {
                logits = count(model.step(cache, prompts, null), prompts);
            } catch (RuntimeException e) {
                cache.close();
                throw e;
            }
        }

        @Override
        public float[][] logits() {
            return logits;
        }

        @Override
        public void advance(int[] parents, int[] tokens) {
            cache.reorder(parents);
            int[][] column = new int[tokens.length][];
            for (int r = 0; r < tokens.length; r++) {
                column[r] = new int[] {tokens[r]};
            }
            logits = count(model.step(cache, column, null), column);
        }

        @Override
        public void restart(int[][] sequences) {
            cache.truncate(0);
            logits = count(model.step(cache, sequences, null), sequences);
        }

        @Override
        public long cacheBytes() {
            return cache.bytes();
        }

        @Override
        public void close() {
            cache.close();
        }
    }

    private final class UncachedRows implements Rows {
        private int[][] sequences;
        private float[][] logits;

        UncachedRows(int[][] prompts) {
            restart(prompts);
        }

        @Override
        public float[][] logits() {
            return logits;
        }

        @Override
        public void advance(int[] parents, int[] tokens) {
            int[][] next = new int[parents.length][];
            for (int r = 0; r < parents.length; r++) {
                int[] p = sequences[parents[r]];
                next[r] = Arrays.copyOf(p, p.length + 1);
                next[r][p.length] = tokens[r];
            }
            restart(next);
        }

        @Override
        public void restart(int[][] seqs) {
            sequences = seqs.clone();
            logits = count(model.logitsUncached(sequences, null), sequences);
        }

        @Override
        public long cacheBytes() {
            return 0;
        }

        @Override
        public void close() {}
    }
}
