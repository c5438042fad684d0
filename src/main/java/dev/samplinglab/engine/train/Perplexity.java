package dev.samplinglab.engine.train;

import dev.samplinglab.engine.BadInputException;
import dev.samplinglab.engine.model.Decoder;
import java.util.ArrayList;
import java.util.List;

/**
 * Cross-entropy of a text under a model with strided sliding windows (the standard estimate for
 * fixed-context models; see Hugging Face, "Perplexity of fixed-length models",
 * https://huggingface.co/docs/transformers/perplexity). Windows are {@code context} tokens long and
 * advance by {@code stride} (less than {@code context}); each token is scored exactly once, by the
 * first window that contains it after the previously scored tokens, so every token after the first
 * window sees at least {@code context - stride} tokens of left context. The first token has no
 * context: it is charged ln(vocab) nats (a uniform guess), so every token of the text is counted.
 */
public final class Perplexity {
    private static final int BATCH = 8;

    /** Logit floats one batched forward may hold (the [rows, t, vocab] array), about 512 MB. */
    private static final long MAX_LOGIT_FLOATS = 128L << 20;

    private Perplexity() {}

    /** One window: input tokens [start, end), scores the targets at positions [from, end). */
    record Window(int start, int end, int from) {}

    /** Total nats of {@code tokens} under {@code model}; {@code chars} is the text's length. */
    public static EvalResult evaluate(Decoder model, int[] tokens, long chars, int stride) {
        return evaluate(model, tokens, chars, stride, model.summary().context());
    }

    /** Like above with windows of {@code context} tokens (at most the model's context). */
    public static EvalResult evaluate(
            Decoder model, int[] tokens, long chars, int stride, int context) {
        if (context < 2 || context > model.summary().context()) {
            throw new BadInputException(
                    "--context must be in 2..%d, got %d"
                            .formatted(model.summary().context(), context));
        }
        if (tokens.length == 0) {
            throw new BadInputException("the text has no tokens to evaluate");
        }
        // a window must hold the token before the first one it scores
        if (stride < 1 || stride >= context) {
            throw new BadInputException(
                    "stride must be in 1.." + (context - 1) + ", got " + stride);
        }
        double nats = Math.log(model.summary().vocab());
        List<Window> windows = windows(tokens.length, context, stride);
        for (int i = 0; i < windows.size(); ) {
            int j = i;
            int length = windows.get(i).end() - windows.get(i).start();
            long perRow = (long) length * model.summary().vocab();
            int rows = (int) Math.max(1, Math.min(BATCH, MAX_LOGIT_FLOATS / perRow));
            while (j < windows.size()
                    && j - i < rows
                    && windows.get(j).end() - windows.get(j).start() == length) {
                j++;
            }
            nats += score(model, tokens, windows.subList(i, j), length);
            i = j;
        }
        return new EvalResult(tokens.length, chars, nats);
    }

    /** The window plan for {@code n} tokens (package-private for tests). */
    static List<Window> windows(int n, int context, int stride) {
        List<Window> out = new ArrayList<>();
        int scored = 1;
        boolean first = true;
        while (scored < n) {
            int end = Math.min(n, first ? context : scored + stride);
            out.add(new Window(Math.max(0, end - context), end, scored));
            scored = end;
            first = false;
        }
        return out;
    }

    private static double score(Decoder model, int[] tokens, List<Window> batch, int length) {
        int rows = batch.size();
        int[][] ids = new int[rows][];
        for (int r = 0; r < rows; r++) {
            Window w = batch.get(r);
            ids[r] = java.util.Arrays.copyOfRange(tokens, w.start(), w.start() + length);
        }
        float[][] logProbs = model.nextTokenLogProbs(ids);
        double nats = 0;
        for (int r = 0; r < rows; r++) {
            Window w = batch.get(r);
            // target position p sits at column p - start - 1
            for (int p = w.from(); p < w.end(); p++) {
                nats -= logProbs[r][p - w.start() - 1];
            }
        }
        return nats;
    }
}
