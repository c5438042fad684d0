package dev.samplinglab.engine.generate.beam;

import java.util.Arrays;

/**
 * Per generated token of a beam: its log-probability under the model and the entropy (nats) of the
 * next-token distribution it was chosen from, for metrics and tooltips.
 */
public record TokenPath(double[] logProbs, double[] entropies) {
    public static final TokenPath EMPTY = new TokenPath(new double[0], new double[0]);

    /** This path followed by one more token. */
    public TokenPath plus(double logProb, double entropy) {
        double[] lp = Arrays.copyOf(logProbs, logProbs.length + 1);
        double[] h = Arrays.copyOf(entropies, entropies.length + 1);
        lp[logProbs.length] = logProb;
        h[entropies.length] = entropy;
        return new TokenPath(lp, h);
    }

    public int length() {
        return logProbs.length;
    }
}
