package dev.samplinglab.app.chart;

import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.engine.sampling.StageKind;
import dev.samplinglab.engine.sampling.StageTrace;
import dev.samplinglab.engine.sampling.StepTrace;
import java.util.List;

/**
 * The step window's timeline: per step the entropy of the model's distribution (bits), the
 * surprisal of the chosen token (bits), the nucleus size (tokens left for the picker) and the raw
 * probability mass the strategy kept. Pure data, no toolkit.
 *
 * @param entropyBits raw (T = 1) entropy per step
 * @param surprisalBits -log2 p(chosen) under the final distribution per step
 * @param nucleus tokens kept by top-p, or by the whole chain when top-p is off
 * @param keptMass raw mass of the tokens that survive every filter
 */
public record TimelineData(
        double[] entropyBits, double[] surprisalBits, double[] nucleus, double[] keptMass) {

    /**
     * The four series, in display order, with their names: each names its distribution as the
     * status line does (entropy of the model's T = 1 distribution, kept mass under the model).
     */
    public enum Series {
        ENTROPY("entropy (model, T = 1)"),
        SURPRISAL("surprisal (bits)"),
        NUCLEUS("nucleus (tokens)"),
        KEPT_MASS("kept mass (model)");

        private final String label;

        Series(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static TimelineData of(List<StepResult> history) {
        int n = history.size();
        double[] e = new double[n];
        double[] s = new double[n];
        double[] k = new double[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            var t = history.get(i).trace();
            e[i] = t.entropyRawBits();
            s[i] = t.surprisalBits();
            k[i] = nucleusCount(t);
            m[i] = keptMass(t);
        }
        return new TimelineData(e, s, k, m);
    }

    /** Tokens kept by top-p, or by the whole chain when top-p did not run. */
    static int nucleusCount(StepTrace t) {
        for (StageTrace st : t.stages()) {
            if (st.kind() == StageKind.TOP_P) {
                return st.keptCount();
            }
        }
        return t.finalDist().keptCount();
    }

    public int size() {
        return entropyBits.length;
    }

    public double[] series(Series which) {
        return switch (which) {
            case ENTROPY -> entropyBits;
            case SURPRISAL -> surprisalBits;
            case NUCLEUS -> nucleus;
            case KEPT_MASS -> keptMass;
        };
    }

    /** Raw probability mass of the tokens that survive all stages. */
    public static double keptMass(StepTrace t) {
        double mass = 1;
        for (StageTrace s : t.stages()) {
            if (s.kind() != StageKind.TEMPERATURE
                    && s.kind() != StageKind.REPETITION_PENALTY
                    && s.kind() != StageKind.FREQUENCY_PRESENCE_PENALTY) {
                mass *= s.keptMass();
            }
        }
        return mass;
    }
}
