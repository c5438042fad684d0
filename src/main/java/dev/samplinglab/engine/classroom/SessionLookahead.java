package dev.samplinglab.engine.classroom;

import dev.samplinglab.engine.generate.DecodeSession;
import dev.samplinglab.engine.tokenizer.TextTokenizer;

/**
 * A {@link NextTokenModel} over a live {@link DecodeSession} at its current step. The distribution
 * after the context is the session's pending logits; for the ids of a guess after it, the model
 * runs forward from the session's KV cache ({@link DecodeSession#peek}), which is cut back after
 * each look, so the session's cache, history and coins are as they were and the context is never
 * prefilled again. Use it on the thread that drives the session.
 */
public final class SessionLookahead implements NextTokenModel {
    private final DecodeSession session;
    private final int[] context;
    private final double[] next;

    public SessionLookahead(DecodeSession session) {
        this.session = session;
        this.context = session.tokens();
        this.next = Probabilities.softmax(session.nextLogits());
    }

    @Override
    public TextTokenizer tokenizer() {
        return session.model().tokenizer();
    }

    @Override
    public int[] context() {
        return context.clone();
    }

    @Override
    public double[] probabilities(int[] extra) {
        return extra.length == 0 ? next.clone() : Probabilities.softmax(session.peek(extra));
    }
}
