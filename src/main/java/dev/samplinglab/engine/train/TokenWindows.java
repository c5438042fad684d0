package dev.samplinglab.engine.train;

import dev.samplinglab.engine.BadInputException;
import java.util.SplittableRandom;

/**
 * Random training windows from a token stream. The windows of step {@code s} depend only on (seed,
 * s), so a resumed run draws exactly the batches the uninterrupted run would have drawn.
 */
public final class TokenWindows {
    private final int[] tokens;
    private final int context;
    private final long seed;

    /** A batch: inputs and next-token targets, both row-major [batch, context]. */
    public record Batch(long[] inputs, long[] targets, int rows, int columns) {}

    public TokenWindows(int[] tokens, int context, long seed) {
        if (tokens.length < context + 1) {
            throw new BadInputException(
                    "the training text has "
                            + tokens.length
                            + " tokens, fewer than the context + 1 ("
                            + (context + 1)
                            + "); use a longer corpus or a smaller --context");
        }
        this.tokens = tokens;
        this.context = context;
        this.seed = seed;
    }

    /** The batch of 0-based optimizer step {@code step}. */
    public Batch batch(int step, int rows) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step);
        long[] inputs = new long[rows * context];
        long[] targets = new long[rows * context];
        int starts = tokens.length - context;
        for (int r = 0; r < rows; r++) {
            int start = rng.nextInt(starts);
            for (int i = 0; i < context; i++) {
                inputs[r * context + i] = tokens[start + i];
                targets[r * context + i] = tokens[start + i + 1];
            }
        }
        return new Batch(inputs, targets, rows, context);
    }
}
