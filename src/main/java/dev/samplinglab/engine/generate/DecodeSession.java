package dev.samplinglab.engine.generate;

import dev.samplinglab.engine.chat.Prompt;
import dev.samplinglab.engine.model.Decoder;
import dev.samplinglab.engine.model.KvCache;
import dev.samplinglab.engine.sampling.Coins;
import dev.samplinglab.engine.sampling.SamplingPipeline;
import dev.samplinglab.engine.sampling.StepTrace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A step machine over one prompt: the prompt is prefilled into the KV cache, then each {@link
 * #step} samples one token and feeds it. {@link #back}, {@link #truncateTo} and {@link #branch}
 * only move the cache length; nothing before the cut is recomputed. The coin of step t is a pure
 * function of (seed, t), so going back and stepping again repeats the same draw.
 */
public final class DecodeSession implements AutoCloseable {
    /** How many recent steps keep their full logits, so going back needs no recomputation. */
    private static final int KEPT_LOGITS = 64;

    private final LanguageModel lm;
    private final Decoder model;
    private final KvCache cache;
    private final Coins coins;
    private final int[] promptIds;
    private final int droppedPromptTokens;
    private final List<StepRecord> history = new ArrayList<>();
    private final Map<Integer, float[]> stepLogits = new HashMap<>();
    private int[] tokens;
    private float[] pending;
    private int topN = SamplingPipeline.DEFAULT_TOP_N;

    /** Prefills {@code prompt} with common random numbers from {@code seed}. */
    public DecodeSession(LanguageModel lm, String prompt, long seed) {
        this(lm, prompt, Coins.commonRandomNumbers(seed));
    }

    public DecodeSession(LanguageModel lm, String prompt, Coins coins) {
        this(lm, Prompt.plain(prompt), coins);
    }

    /**
     * Prefills a plain or chat prompt.
     *
     * @throws dev.samplinglab.engine.chat.ChatTemplateException when chat mode cannot be used
     */
    public DecodeSession(LanguageModel lm, Prompt prompt, Coins coins) {
        this.lm = lm;
        this.model = lm.model();
        this.coins = coins;
        int[] ids = prompt.encode(lm.tokenizer());
        if (ids.length == 0) {
            ids = new int[] {lm.eosId()};
        }
        int budget = model.summary().context() / 2;
        this.droppedPromptTokens = Math.max(0, ids.length - budget);
        this.promptIds = Arrays.copyOfRange(ids, droppedPromptTokens, ids.length);
        this.tokens = promptIds.clone();
        this.cache = model.newCache(1);
        try {
            this.pending = lm.shown(model.step(cache, promptIds));
        } catch (RuntimeException e) {
            cache.close();
            throw e;
        }
    }

    /** Samples the next token with {@code pipeline} and feeds it to the model. */
    public StepRecord step(SamplingPipeline pipeline) {
        return append(pipeline, -1);
    }

    /** Appends {@code tokenId} as the next token, traced as if {@code pipeline} had run. */
    public StepRecord stepForced(int tokenId, SamplingPipeline pipeline) {
        checkToken(tokenId);
        return append(pipeline, tokenId);
    }

    /** Recomputes the last step with new settings: same logits, same coin. */
    public StepRecord redo(SamplingPipeline pipeline) {
        requireSteps();
        truncateTo(history.size() - 1);
        return step(pipeline);
    }

    /** Replaces the last step's pick with {@code tokenId}. */
    public StepRecord force(int tokenId, SamplingPipeline pipeline) {
        requireSteps();
        checkToken(tokenId);
        truncateTo(history.size() - 1);
        return stepForced(tokenId, pipeline);
    }

    /** Discards step {@code stepIndex} and later, then takes {@code tokenId} at that step. */
    public StepRecord branch(int stepIndex, int tokenId, SamplingPipeline pipeline) {
        checkToken(tokenId);
        truncateTo(stepIndex);
        return stepForced(tokenId, pipeline);
    }

    /** Removes the last step. */
    public void back() {
        requireSteps();
        truncateTo(history.size() - 1);
    }

    /** Keeps the first {@code stepCount} steps; the cache is truncated, not recomputed. */
    public void truncateTo(int stepCount) {
        if (stepCount < 0 || stepCount > history.size()) {
            throw new IllegalArgumentException(
                    "step count " + stepCount + " outside 0.." + history.size());
        }
        if (stepCount == history.size()) {
            return;
        }
        history.subList(stepCount, history.size()).clear();
        tokens = Arrays.copyOf(tokens, promptIds.length + stepCount);
        float[] saved = stepLogits.get(stepCount);
        stepLogits.keySet().removeIf(i -> i > stepCount);
        if (saved != null) {
            cache.truncate(tokens.length);
            pending = saved;
        } else {
            pending = null;
            ensurePending();
        }
    }

    private StepRecord append(SamplingPipeline pipeline, int forcedId) {
        if (cache.length() >= cache.capacity()) {
            throw new IllegalStateException(
                    "the context of "
                            + cache.capacity()
                            + " tokens is full; go back or reset to continue");
        }
        long t0 = System.nanoTime();
        ensurePending();
        int index = history.size();
        double coin = coins.coin(index);
        IntFunction<String> piece = lm.tokenizer()::piece;
        SamplingPipeline p = forModel(pipeline);
        StepTrace trace =
                forcedId < 0
                        ? p.run(pending, tokens, coin, piece, topN)
                        : p.runForced(pending, tokens, coin, piece, topN, forcedId);
        int chosen = trace.chosenId();
        float[] next = forward(chosen);
        stepLogits.put(index, pending);
        stepLogits.remove(index - KEPT_LOGITS);
        tokens = Arrays.copyOf(tokens, tokens.length + 1);
        tokens[tokens.length - 1] = chosen;
        pending = next;
        double millis = (System.nanoTime() - t0) / 1e6;
        if (!history.isEmpty()) {
            history.set(index - 1, history.get(index - 1).withoutFullArrays());
        }
        StepRecord rec =
                new StepRecord(
                        index,
                        chosen,
                        lm.tokenizer().piece(chosen),
                        trace,
                        forcedId >= 0,
                        millis,
                        cache.length());
        history.add(rec);
        return rec;
    }

    /**
     * The logits after {@code chosen}; if the forward pass fails (a server error) the cache is put
     * back, so the session stays as it was and the step can be tried again.
     */
    private float[] forward(int chosen) {
        int length = cache.length();
        try {
            return lm.shown(model.step(cache, chosen));
        } catch (RuntimeException e) {
            cache.truncate(Math.min(length, cache.length()));
            throw e;
        }
    }

    /** Recomputes the pending logits when a failed request left none (see {@link #truncateTo}). */
    private void ensurePending() {
        if (pending == null) {
            cache.truncate(tokens.length - 1);
            pending = lm.shown(model.step(cache, tokens[tokens.length - 1]));
        }
    }

    /** The pipeline as this model needs it: over a server's top-N log-probabilities, or as is. */
    private SamplingPipeline forModel(SamplingPipeline pipeline) {
        return model.returnsTopLogProbs() && !pipeline.overTopLogProbs()
                ? pipeline.overTopLogProbs(model.contextCaveat())
                : pipeline;
    }

    private void requireSteps() {
        if (history.isEmpty()) {
            throw new IllegalStateException("no step to undo: the session is at the prompt");
        }
    }

    private void checkToken(int tokenId) {
        if (tokenId < 0 || tokenId >= lm.shownVocab()) {
            throw new IllegalArgumentException(
                    "token id " + tokenId + " outside 0.." + (lm.shownVocab() - 1));
        }
    }

    /**
     * The logits the model gives after the session's tokens followed by {@code extra}, without
     * taking a step: {@code extra} is fed into the KV cache past its length and the cache is cut
     * back to where it was, so history, pending logits, coins and cache length are as before (the
     * positions past the cache length are never read and are overwritten by the next step). Lets a
     * guess of several tokens be scored without a second prefill of the context.
     *
     * @throws IllegalStateException when {@code extra} does not fit in the context
     */
    public float[] peek(int[] extra) {
        if (extra.length == 0) {
            return nextLogits();
        }
        int length = cache.length();
        if (length + extra.length > cache.capacity()) {
            throw new IllegalStateException(
                    "the guess does not fit in the model's context of %d tokens"
                            .formatted(cache.capacity()));
        }
        try {
            return lm.shown(model.step(cache, extra));
        } finally {
            cache.truncate(length);
        }
    }

    /** Number of display candidates recorded per step (10..vocab). */
    public void setTopN(int n) {
        this.topN = Math.max(1, n);
    }

    public List<StepRecord> history() {
        return List.copyOf(history);
    }

    /** Prompt plus generated ids. */
    public int[] tokens() {
        return tokens.clone();
    }

    /** Generated ids only. */
    public int[] generatedTokens() {
        return Arrays.copyOfRange(tokens, promptIds.length, tokens.length);
    }

    public int promptLength() {
        return promptIds.length;
    }

    /** Prompt tokens dropped from the front because the prompt was longer than the budget. */
    public int droppedPromptTokens() {
        return droppedPromptTokens;
    }

    public int cacheLength() {
        return cache.length();
    }

    public long cacheBytes() {
        return cache.bytes();
    }

    public int contextSize() {
        return cache.capacity();
    }

    /** The logits the next step will sample from (a copy). */
    public float[] nextLogits() {
        ensurePending();
        return pending.clone();
    }

    public LanguageModel model() {
        return lm;
    }

    public Coins coins() {
        return coins;
    }

    @Override
    public void close() {
        cache.close();
    }
}
