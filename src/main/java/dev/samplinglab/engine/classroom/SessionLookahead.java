package dev.samplinglab.engine.classroom;

import dev.samplinglab.engine.generate.DecodeSession;
import dev.samplinglab.engine.generate.LanguageModel;
import dev.samplinglab.engine.model.KvCache;
import dev.samplinglab.engine.tokenizer.TextTokenizer;
import java.util.Arrays;

/**
 * A {@link NextTokenModel} over a live {@link DecodeSession} at its current step. The distribution
 * after the context is the session's pending logits; for the ids of a guess after it, the model
 * runs forward in a cache of its own (prefilled with the context once, then fed only the ids a new
 * guess does not share with the last one), so the session's KV cache, history and coins are never
 * touched. Use it on the thread that drives the session, and close it after scoring.
 */
public final class SessionLookahead implements NextTokenModel {
    private final LanguageModel lm;
    private final int[] context;
    private final double[] next;
    private KvCache cache;
    private int[] fed = new int[0];

    public SessionLookahead(DecodeSession session) {
        this.lm = session.model();
        this.context = session.tokens();
        this.next = Probabilities.softmax(session.nextLogits());
    }

    @Override
    public TextTokenizer tokenizer() {
        return lm.tokenizer();
    }

    @Override
    public int[] context() {
        return context.clone();
    }

    @Override
    public double[] probabilities(int[] extra) {
        if (extra.length == 0) {
            return next.clone();
        }
        int[] want = Arrays.copyOf(context, context.length + extra.length);
        System.arraycopy(extra, 0, want, context.length, extra.length);
        if (cache == null) {
            cache = lm.model().newCache(1);
        }
        if (want.length > cache.capacity()) {
            throw new IllegalStateException(
                    "the guess does not fit in the model's context of %d tokens"
                            .formatted(cache.capacity()));
        }
        // keep what the last guess already fed; at least the last id is fed again for its logits
        int keep = Math.min(commonPrefix(fed, want), want.length - 1);
        cache.truncate(keep);
        float[] logits = lm.model().step(cache, Arrays.copyOfRange(want, keep, want.length));
        fed = want;
        return Probabilities.softmax(lm.shown(logits));
    }

    private static int commonPrefix(int[] a, int[] b) {
        int n = Math.min(a.length, b.length);
        int i = 0;
        while (i < n && a[i] == b[i]) {
            i++;
        }
        return i;
    }

    @Override
    public void close() {
        if (cache != null) {
            cache.close();
            cache = null;
        }
    }
}
