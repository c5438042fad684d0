package dev.samplinglab.engine.generate;

import dev.samplinglab.engine.BadInputException;
import dev.samplinglab.engine.chat.Prompt;
import dev.samplinglab.engine.model.Decoder;
import dev.samplinglab.engine.model.KvCache;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The batched generation loop of the tutorial: prompts of different lengths are left-padded into
 * one batch (attention mask hides the padding, position ids start at each row's first real token),
 * every row samples its own token per step, a row that emits EOS or a stop string is finished and
 * from then on fed padding, and the loop ends when all rows are done, after {@code max_new_tokens},
 * at the end of the context, or on cancellation.
 */
public final class BatchGenerator {

    /** Called after every step with the tokens just chosen (-1 for finished rows). */
    @FunctionalInterface
    public interface StepListener {
        void onStep(int step, int[] newTokens);
    }

    private final LanguageModel lm;
    private final GenerationOptions options;

    public BatchGenerator(LanguageModel lm, GenerationOptions options) {
        this.lm = lm;
        this.options = options;
    }

    /** Runs a batch of plain prompts; {@code cancelled} is polled before every step. */
    public GenerationResult generate(
            List<String> prompts,
            RowSampler sampler,
            StepListener listener,
            BooleanSupplier cancelled) {
        return generatePrompts(
                prompts.stream().map(Prompt::plain).toList(), sampler, listener, cancelled);
    }

    /** Runs a batch of plain or chat prompts; {@code cancelled} is polled before every step. */
    public GenerationResult generatePrompts(
            List<Prompt> prompts,
            RowSampler sampler,
            StepListener listener,
            BooleanSupplier cancelled) {
        if (prompts.isEmpty()) {
            throw new BadInputException("no prompts to generate from");
        }
        Batch b = new Batch(prompts);
        Decoder model = lm.model();
        try (KvCache cache = options.useCache() ? model.newCache(b.rows) : null) {
            float[][] logits = forward(cache, b, b.paddedPrompts());
            for (int step = 0; step < options.maxNewTokens() && !b.allDone(); step++) {
                if (cancelled.getAsBoolean()) {
                    b.finishAll(StopReason.CANCELLED);
                    break;
                }
                int[] chosen = b.pickAll(sampler, step, logits);
                listener.onStep(step, chosen);
                if (b.allDone()) {
                    break;
                }
                if (b.length() >= model.summary().context()) {
                    b.finishAll(StopReason.CONTEXT_FULL);
                    break;
                }
                logits = forward(cache, b, b.lastColumn());
            }
        }
        b.finishAll(StopReason.LENGTH);
        return b.result();
    }

    private float[][] forward(KvCache cache, Batch b, int[][] newTokens) {
        float[][] rows =
                cache != null
                        ? lm.model().step(cache, newTokens, b.padding)
                        : lm.model().logitsUncached(b.paddedAll(), b.padding);
        for (int r = 0; r < rows.length; r++) {
            rows[r] = lm.shown(rows[r]);
        }
        return rows;
    }

    /** Per-row state of the batch. */
    private final class Batch {
        final int rows;
        final int[] padding;
        final int[][] prompt;
        final int[] dropped;
        final List<List<Integer>> generated = new ArrayList<>();
        final StopReason[] reasons;
        final String[] texts;
        final int padId = lm.eosId();
        final int width;
        int steps;

        Batch(List<Prompt> prompts) {
            rows = prompts.size();
            prompt = new int[rows][];
            dropped = new int[rows];
            reasons = new StopReason[rows];
            texts = new String[rows];
            int budget =
                    Math.max(
                            1,
                            lm.summary().context()
                                    - Math.min(options.maxNewTokens(), lm.summary().context() / 2));
            int max = 0;
            for (int r = 0; r < rows; r++) {
                int[] ids = prompts.get(r).encode(lm.tokenizer());
                if (ids.length == 0) {
                    ids = new int[] {lm.eosId()};
                }
                dropped[r] = Math.max(0, ids.length - budget);
                prompt[r] = Arrays.copyOfRange(ids, dropped[r], ids.length);
                max = Math.max(max, prompt[r].length);
                generated.add(new ArrayList<>());
            }
            width = max;
            padding = new int[rows];
            for (int r = 0; r < rows; r++) {
                padding[r] = max - prompt[r].length;
            }
        }

        int[][] paddedPrompts() {
            int[][] out = new int[rows][width];
            for (int r = 0; r < rows; r++) {
                Arrays.fill(out[r], 0, padding[r], padId);
                System.arraycopy(prompt[r], 0, out[r], padding[r], prompt[r].length);
            }
            return out;
        }

        /** Every position so far, padded: prompt then generated (finished rows padded). */
        int[][] paddedAll() {
            int[][] out = new int[rows][];
            int[][] p = paddedPrompts();
            for (int r = 0; r < rows; r++) {
                out[r] = Arrays.copyOf(p[r], width + steps);
                List<Integer> g = generated.get(r);
                for (int i = 0; i < steps; i++) {
                    out[r][width + i] = i < g.size() ? g.get(i) : padId;
                }
            }
            return out;
        }

        int[][] lastColumn() {
            int[][] out = new int[rows][1];
            for (int r = 0; r < rows; r++) {
                List<Integer> g = generated.get(r);
                out[r][0] = g.size() == steps ? g.get(steps - 1) : padId;
            }
            return out;
        }

        int length() {
            return width + steps;
        }

        int[] pickAll(RowSampler sampler, int step, float[][] logits) {
            int[] chosen = new int[rows];
            for (int r = 0; r < rows; r++) {
                chosen[r] = reasons[r] != null ? -1 : pickRow(sampler, r, step, logits[r]);
            }
            steps++;
            return chosen;
        }

        private int pickRow(RowSampler sampler, int r, int step, float[] logits) {
            int id = sampler.pick(r, step, logits, context(r));
            if (lm.isEos(id)) {
                reasons[r] = StopReason.EOS;
                return id;
            }
            generated.get(r).add(id);
            checkStopStrings(r);
            return id;
        }

        private void checkStopStrings(int r) {
            if (options.stopStrings().isEmpty()) {
                return;
            }
            String text = decode(r);
            for (String stop : options.stopStrings()) {
                int at = text.indexOf(stop);
                if (at >= 0) {
                    reasons[r] = StopReason.STOP_STRING;
                    texts[r] = text.substring(0, at);
                    return;
                }
            }
        }

        private int[] context(int r) {
            List<Integer> g = generated.get(r);
            int[] ctx = Arrays.copyOf(prompt[r], prompt[r].length + g.size());
            for (int i = 0; i < g.size(); i++) {
                ctx[prompt[r].length + i] = g.get(i);
            }
            return ctx;
        }

        private String decode(int r) {
            return lm.tokenizer()
                    .decode(generated.get(r).stream().mapToInt(Integer::intValue).toArray());
        }

        boolean allDone() {
            return Arrays.stream(reasons).allMatch(x -> x != null);
        }

        void finishAll(StopReason reason) {
            for (int r = 0; r < rows; r++) {
                if (reasons[r] == null) {
                    reasons[r] = reason;
                }
            }
        }

        GenerationResult result() {
            List<String> outTexts = new ArrayList<>();
            List<int[]> outTokens = new ArrayList<>();
            List<Integer> outDropped = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                outTexts.add(texts[r] != null ? texts[r] : decode(r));
                outTokens.add(generated.get(r).stream().mapToInt(Integer::intValue).toArray());
                outDropped.add(dropped[r]);
            }
            return new GenerationResult(outTexts, outTokens, List.of(reasons), outDropped);
        }
    }
}
