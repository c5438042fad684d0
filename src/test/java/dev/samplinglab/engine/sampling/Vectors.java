package dev.samplinglab.engine.sampling;

import java.util.Arrays;

/** Helpers shared by the sampling tests. */
final class Vectors {
    private Vectors() {}

    /** Logits whose softmax is {@code probs} (natural logs). */
    static double[] logitsOf(double... probs) {
        return Arrays.stream(probs).map(Math::log).toArray();
    }

    static float[] floats(double... values) {
        float[] f = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }

    static Distribution dist(double... logits) {
        return Distribution.ofLogits(logits);
    }

    static Distribution ofProbs(double... probs) {
        return Distribution.ofLogits(logitsOf(probs));
    }

    /** Probabilities of a stage's display candidates, in display order. */
    static double[] probs(StageTrace stage) {
        return stage.candidates().stream().mapToDouble(Candidate::prob).toArray();
    }

    /** Cumulative sums of a stage's display candidates, in display order. */
    static double[] cumulatives(StageTrace stage) {
        return stage.candidates().stream().mapToDouble(Candidate::cumulative).toArray();
    }

    /** Full-length probabilities of a stage traced with every token displayed. */
    static double[] probsById(StageTrace stage, int vocab) {
        double[] probs = new double[vocab];
        stage.candidates().forEach(c -> probs[c.id()] = c.prob());
        return probs;
    }
}
