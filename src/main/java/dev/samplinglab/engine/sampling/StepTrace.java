package dev.samplinglab.engine.sampling;

import java.util.List;
import java.util.function.Supplier;

/**
 * Everything the app draws for one decoding step: the raw distribution, each active stage in chain
 * order, the final distribution, the coin and the pick.
 *
 * @param displayIds top-N token ids by raw probability (descending, ties by id); every stage's
 *     candidates follow this order
 * @param raw softmax of the raw logits at T=1
 * @param stages active stages in chain order
 * @param finalDist renormalized distribution the picker draws from
 * @param greedy whether the picker was argmax (the coin is recorded but not used)
 * @param coin the uniform number u in [0,1) used by the inverse-CDF picker
 * @param chosenId the picked token
 * @param chosenPiece its display piece
 * @param chosenProb its final probability
 * @param chosenRawProb its raw (T=1, no filtering) probability: its probability under the model
 * @param chosenTemperedProb its probability after temperature alone (before any filter)
 * @param forced whether the user chose the token (a branch) instead of the picker
 * @param entropyRawBits entropy of the raw (T=1) distribution in bits
 * @param entropyTemperedBits entropy after temperature alone, in bits
 * @param entropyFinalBits entropy of the final distribution (the one sampled from) in bits
 * @param surprisalBits -log2 of the chosen token's final probability; for a forced token outside
 *     the kept set (final probability 0), -log2 of its probability under the model, so it stays
 *     finite and meaningful
 * @param full full-vocabulary arrays, kept only for the current step; null in history
 * @param truncation for a server model's step, what the top-N it sent could not show (N, the rest
 *     mass and each stage's caveat); null for a local model, whose distribution is complete
 */
public record StepTrace(
        int[] displayIds,
        StageTrace raw,
        List<StageTrace> stages,
        StageTrace finalDist,
        boolean greedy,
        double coin,
        int chosenId,
        String chosenPiece,
        double chosenProb,
        double chosenRawProb,
        double chosenTemperedProb,
        boolean forced,
        double entropyRawBits,
        double entropyTemperedBits,
        double entropyFinalBits,
        double surprisalBits,
        FullArrays full,
        Truncation truncation) {

    public StepTrace {
        displayIds = displayIds.clone();
        stages = List.copyOf(stages);
    }

    /** A step over the full vocabulary (no truncation). */
    public StepTrace(
            int[] displayIds,
            StageTrace raw,
            List<StageTrace> stages,
            StageTrace finalDist,
            boolean greedy,
            double coin,
            int chosenId,
            String chosenPiece,
            double chosenProb,
            double chosenRawProb,
            double chosenTemperedProb,
            boolean forced,
            double entropyRawBits,
            double entropyTemperedBits,
            double entropyFinalBits,
            double surprisalBits,
            FullArrays full) {
        this(
                displayIds,
                raw,
                stages,
                finalDist,
                greedy,
                coin,
                chosenId,
                chosenPiece,
                chosenProb,
                chosenRawProb,
                chosenTemperedProb,
                forced,
                entropyRawBits,
                entropyTemperedBits,
                entropyFinalBits,
                surprisalBits,
                full,
                null);
    }

    /** Whether the step ran on a server's top-N instead of the full vocabulary. */
    public boolean truncated() {
        return truncation != null;
    }

    @Override
    public int[] displayIds() {
        return displayIds.clone();
    }

    /** Whether the chosen token lies outside the kept set (only possible when forced). */
    public boolean chosenOutsideKept() {
        return chosenProb <= 0;
    }

    /** The same trace without the full-vocabulary arrays, for history. */
    public StepTrace withoutFullArrays() {
        return full == null
                ? this
                : new StepTrace(
                        displayIds,
                        raw,
                        stages,
                        finalDist,
                        greedy,
                        coin,
                        chosenId,
                        chosenPiece,
                        chosenProb,
                        chosenRawProb,
                        chosenTemperedProb,
                        forced,
                        entropyRawBits,
                        entropyTemperedBits,
                        entropyFinalBits,
                        surprisalBits,
                        null,
                        truncation);
    }

    /**
     * Full-vocabulary arrays of the current step. The pipeline fills them on first access, so a
     * step whose arrays nobody reads does not pay for them. Accessors return the stored arrays.
     */
    public static final class FullArrays {
        private Supplier<float[]> rawSource;
        private Supplier<double[]> finalSource;
        private float[] rawLogits;
        private double[] finalProbs;

        /**
         * @param rawLogits the logits as the model produced them [vocab]
         * @param finalProbs the final renormalized distribution [vocab]
         */
        public FullArrays(float[] rawLogits, double[] finalProbs) {
            this.rawLogits = rawLogits;
            this.finalProbs = finalProbs;
        }

        FullArrays(Supplier<float[]> rawSource, Supplier<double[]> finalSource) {
            this.rawSource = rawSource;
            this.finalSource = finalSource;
        }

        /** The logits as the model produced them [vocab]. */
        public synchronized float[] rawLogits() {
            if (rawLogits == null) {
                rawLogits = rawSource.get();
                rawSource = null;
            }
            return rawLogits;
        }

        /** The final renormalized distribution [vocab]. */
        public synchronized double[] finalProbs() {
            if (finalProbs == null) {
                finalProbs = finalSource.get();
                finalSource = null;
            }
            return finalProbs;
        }
    }
}
