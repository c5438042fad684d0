package dev.samplinglab.engine.sampling;

import dev.samplinglab.engine.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * A sampling chain built from {@link SamplingSettings}: the active stages in chain order, then a
 * picker (greedy argmax or inverse-CDF categorical with an explicit coin). Mirrors Hugging Face's
 * logits processors/warpers (logits_process.py) and llama.cpp's sampler chain. Thread-safe and
 * stateless: the session supplies the context and the coin of each step.
 */
public final class SamplingPipeline {
    /** Default number of display tokens recorded per stage. */
    public static final int DEFAULT_TOP_N = 100;

    private final SamplingSettings settings;
    private final List<SamplingStage> stages;
    private final Picker picker;
    private final boolean rawKeepsWeights;
    private final boolean overHead;
    private final Optional<String> contextCaveat;

    private SamplingPipeline(SamplingSettings settings) {
        this(settings, false, Optional.empty());
    }

    private SamplingPipeline(
            SamplingSettings settings, boolean overHead, Optional<String> contextCaveat) {
        this.settings = settings;
        this.overHead = overHead;
        this.contextCaveat = contextCaveat;
        List<StageKind> kinds = settings.activeStages();
        List<SamplingStage> built = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            built.add(stageFor(kinds.get(i), settings, readsAllProbs(kinds, i + 1)));
        }
        this.stages = List.copyOf(built);
        this.rawKeepsWeights = readsAllProbs(kinds, 0);
        this.picker = settings.greedy() ? new GreedyPicker() : new InverseCdfPicker();
    }

    public static SamplingPipeline of(SamplingSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        return new SamplingPipeline(settings);
    }

    public SamplingSettings settings() {
        return settings;
    }

    /**
     * The same chain over an inference server's head: the logits it is given are the top-N
     * log-probabilities the server sent (-infinity elsewhere, see {@link
     * Distribution#ofTopLogProbs}), the raw distribution shows them as sent with the rest of the
     * vocabulary unseen, the picker draws from the head renormalized, and every trace carries a
     * {@link Truncation}.
     *
     * @param contextCaveat a caveat of every step (context sent as text), or empty
     */
    public SamplingPipeline overTopLogProbs(Optional<String> contextCaveat) {
        return new SamplingPipeline(settings, true, contextCaveat);
    }

    /** Whether this pipeline reads its input as a server's top-N log-probabilities. */
    public boolean overTopLogProbs() {
        return overHead;
    }

    private Distribution rawOf(float[] logits) {
        return overHead
                ? Distribution.ofTopLogProbs(logits)
                : Distribution.ofLogits(logits, rawKeepsWeights);
    }

    /** The active stages in chain order. */
    public List<SamplingStage> stages() {
        return stages;
    }

    public Picker picker() {
        return picker;
    }

    /**
     * Runs one step and records every stage.
     *
     * @param logits full-vocabulary logits (-infinity allowed; NaN, +infinity or all -infinity
     *     refused); never mutated
     * @param context prompt + generated ids, seen by the penalties; never mutated
     * @param coin u in [0, 1), used by the categorical picker and recorded
     * @param piece display piece of a token id
     * @param topN number of display tokens (top-N by raw probability) recorded per stage
     */
    public StepTrace run(
            float[] logits, int[] context, double coin, IntFunction<String> piece, int topN) {
        return trace(rawOf(logits), context, coin, piece, topN, -1);
    }

    /**
     * {@link #run(float[], int[], double, IntFunction, int)} on logits kept in double precision
     * (the model-free playground, where typed values such as log 0.25 should stay exact).
     */
    public StepTrace run(
            double[] logits, int[] context, double coin, IntFunction<String> piece, int topN) {
        return trace(Distribution.ofLogits(logits), context, coin, piece, topN, -1);
    }

    /** Like {@link #run} but the chosen token is {@code forcedId} (the coin is still recorded). */
    public StepTrace runForced(
            float[] logits,
            int[] context,
            double coin,
            IntFunction<String> piece,
            int topN,
            int forcedId) {
        Distribution raw = rawOf(logits);
        if (forcedId < 0 || forcedId >= logits.length) {
            throw new IllegalArgumentException(
                    "forced token id must be in [0, " + logits.length + ") (got " + forcedId + ")");
        }
        return trace(raw, context, coin, piece, topN, forcedId);
    }

    /** The final distribution without a trace (fast path, e.g. for batched generation). */
    public Distribution finalDistribution(float[] logits, int[] context) {
        Distribution d = rawOf(logits);
        int[] ctx = checkedContext(context, logits.length);
        for (SamplingStage stage : stages) {
            d = outOf(stage.kind(), d, stage.apply(d, ctx));
        }
        return d.renormalized();
    }

    /** Picks a token without recording a trace. */
    public int pick(float[] logits, int[] context, double coin) {
        Coins.validate(coin);
        return picker.pick(finalDistribution(logits, context), coin);
    }

    private StepTrace trace(
            Distribution raw,
            int[] context,
            double coin,
            IntFunction<String> piece,
            int topN,
            int forcedId) {
        Coins.validate(coin);
        if (topN < 0) {
            throw new IllegalArgumentException("topN must be >= 0 (got " + topN + ")");
        }
        int[] ctx = checkedContext(context, raw.vocabSize());
        int shown = overHead ? Math.min(topN, raw.keptCount()) : topN;
        int[] displayIds = TokenOrder.top(null, raw.logits, shown);
        TruncationTracker truncation = overHead ? new TruncationTracker(settings, raw) : null;
        IntFunction<String> pieces = id -> pieceOf(piece, id);
        StageTracer tracer = new StageTracer(displayIds, pieces);
        StageTrace rawTrace = tracer.traceRaw(raw); // first: the tracer follows the chain
        List<StageTrace> stageTraces = new ArrayList<>();
        Distribution[] tempered = {raw};
        Distribution d = runStages(raw, ctx, tracer, stageTraces, tempered, truncation);
        if (!settings.greedy()) {
            d = d.renormalized(); // argmax needs no renormalizing: greedy keeps the model's own p
        }
        int chosen = forcedId >= 0 ? forcedId : picker.pick(d, coin);
        StageTrace finalTrace =
                tracer.trace(
                        null,
                        "final",
                        Map.of("picker", picker.name()),
                        d,
                        raw.massOf(d.support),
                        -1,
                        null);
        double chosenProb = d.prob(chosen);
        double surprisal = -Math.log(chosenProb > 0 ? chosenProb : raw.prob(chosen)) / Math.log(2);
        return new StepTrace(
                displayIds,
                rawTrace,
                stageTraces,
                finalTrace,
                settings.greedy(),
                coin,
                chosen,
                pieces.apply(chosen),
                chosenProb,
                raw.prob(chosen),
                tempered[0].prob(chosen),
                forcedId >= 0,
                raw.entropyBits(),
                tempered[0].entropyBits(),
                d.entropyBits(),
                surprisal,
                new StepTrace.FullArrays(raw::rawLogitsAsFloats, d::probs),
                truncation == null ? null : truncation.finish(settings.greedy(), contextCaveat));
    }

    /**
     * Applies every stage, appending its trace; returns the final distribution and leaves the
     * temperature stage's output (the raw distribution without one) in {@code tempered[0]}.
     */
    private Distribution runStages(
            Distribution raw,
            int[] context,
            StageTracer tracer,
            List<StageTrace> traces,
            Distribution[] tempered,
            TruncationTracker truncation) {
        Distribution d = raw;
        for (SamplingStage stage : stages) {
            StageResult applied = stage.apply(d, context);
            if (truncation != null) {
                truncation.stage(stage.kind(), d, applied, context);
            }
            StageResult r =
                    new StageResult(
                            outOf(stage.kind(), d, applied),
                            applied.crossingId(),
                            applied.cumulative());
            if (stage.kind() == StageKind.TEMPERATURE) {
                tempered[0] = r.out();
            }
            traces.add(
                    tracer.trace(
                            stage.kind(),
                            stage.kind().traceName(),
                            stage.params(),
                            r.out(),
                            d.massOf(r.out().support),
                            r.crossingId(),
                            r.cumulative()));
            d = r.out();
        }
        return d;
    }

    /**
     * A stage's output; over a server's head, a top-k or top-p cut that kept every token sent (k =
     * N, or p reached at the last one) still closes off the unseen tail, so it renormalizes.
     */
    private Distribution outOf(StageKind kind, Distribution in, StageResult r) {
        if (!overHead) {
            return r.out();
        }
        boolean closes =
                switch (kind) {
                    case TOP_K -> settings.topK() <= in.keptCount();
                    case TOP_P -> r.crossingId() >= 0;
                    default -> false;
                };
        return closes ? r.out().renormalized() : r.out();
    }

    private static String pieceOf(IntFunction<String> piece, int id) {
        String p = piece == null ? null : piece.apply(id);
        return p == null ? String.valueOf(id) : p;
    }

    private static int[] checkedContext(int[] context, int vocabSize) {
        if (context == null) {
            return new int[0];
        }
        for (int id : context) {
            if (id < 0 || id >= vocabSize) {
                throw new BadInputException(
                        "context id " + id + " is outside the vocabulary [0, " + vocabSize + ")");
            }
        }
        return context;
    }

    /**
     * Whether what comes at position {@code next} of the chain reads every probability of its
     * input: top-p, min-p, typical-p, or the picker at the end.
     */
    private static boolean readsAllProbs(List<StageKind> kinds, int next) {
        if (next >= kinds.size()) {
            return true;
        }
        StageKind k = kinds.get(next);
        return k == StageKind.TOP_P || k == StageKind.MIN_P || k == StageKind.TYPICAL_P;
    }

    private static SamplingStage stageFor(StageKind kind, SamplingSettings s, boolean keepWeights) {
        return switch (kind) {
            case REPETITION_PENALTY ->
                    new RepetitionPenalty(s.repetitionPenalty(), s.penaltyWindow());
            case FREQUENCY_PRESENCE_PENALTY ->
                    new FrequencyPresencePenalty(
                            s.frequencyPenalty(), s.presencePenalty(), s.penaltyWindow());
            case TEMPERATURE -> new Temperature(s.temperature(), keepWeights);
            case TOP_K -> new TopK(s.topK());
            case TOP_P -> new TopP(s.topP(), s.topPRule());
            case MIN_P -> new MinP(s.minP());
            case TYPICAL_P -> new TypicalP(s.typicalP());
        };
    }
}
