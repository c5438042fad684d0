package dev.samplinglab.engine.sampling;

/** Top-p's cumulative input probabilities, computed for a batch of display tokens at once. */
@FunctionalInterface
public interface CumulativeSums {

    /**
     * Cumulative probability up to and including each token in the stage's sorted order; tokens
     * already dropped before the stage sit at the end (cumulative = total mass).
     */
    double[] of(int[] ids);
}
