package dev.samplinglab.app.step;

import dev.samplinglab.app.chart.TimelineData;
import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.engine.sampling.StageKind;
import dev.samplinglab.engine.sampling.StageTrace;
import dev.samplinglab.engine.sampling.StepTrace;
import java.util.Locale;

/**
 * The status line of a step. Every figure names the distribution it is of: the model's (T = 1),
 * after temperature, or the final one the token was drawn from; {@link #GLOSSARY} gives the
 * formulas for the tooltip.
 */
public final class StatusText {
    /** Formulas behind the status line, for its tooltip. */
    public static final String GLOSSARY =
            """
            entropy H = −Σ p·log2 p, in bits, of the distribution named
            final: the renormalized distribution the token was drawn from
            kept tokens: how many tokens the final distribution keeps
            kept mass: the model's (T = 1) probability mass of those tokens
            p(chosen): the chosen token's probability in the final distribution
            surprisal: −log2 p(chosen), in bits (under the model for a token you forced             outside the kept set)""";

    private StatusText() {}

    public static String of(StepResult step) {
        if (step == null) {
            return "No step yet: press → or Space to decode the next token.";
        }
        StepTrace t = step.trace();
        return String.format(
                Locale.ROOT,
                "step %d · entropy (model, T = 1) %.2f bits · after T %.2f · final %.2f bits ·"
                        + " %s · kept mass (model) %.3f · %s · cache %d · %.1f ms",
                step.index() + 1,
                clean(t.entropyRawBits()),
                clean(t.entropyTemperedBits()),
                clean(t.entropyFinalBits()),
                nucleus(t),
                TimelineData.keptMass(t),
                chosen(t),
                step.cacheLength(),
                step.millis());
    }

    /** The chosen token's figures: drawn, forced inside the kept set, or forced outside it. */
    static String chosen(StepTrace t) {
        if (t.chosenOutsideKept()) {
            return String.format(
                    Locale.ROOT,
                    "chosen by you, outside the kept set: p under the model %s, after T %s ·"
                            + " surprisal under the model %.2f bits",
                    prob(t.chosenRawProb()),
                    prob(t.chosenTemperedProb()),
                    clean(t.surprisalBits()));
        }
        return String.format(
                Locale.ROOT,
                "p(chosen, final) %s · surprisal %.2f bits%s",
                prob(t.chosenProb()),
                clean(t.surprisalBits()),
                t.forced() ? " · chosen by you" : "");
    }

    /** A probability with enough digits to be non-zero when it is. */
    static String prob(double p) {
        return p >= 0.001 || p == 0
                ? String.format(Locale.ROOT, "%.3f", p)
                : String.format(Locale.ROOT, "%.1e", p);
    }

    /** Turns -0.0 into 0.0 (no "-0.00" on screen). */
    static double clean(double v) {
        return v + 0.0;
    }

    /** Tokens left for the picker, and the top-p stage's count when it ran. */
    static String nucleus(StepTrace t) {
        for (StageTrace s : t.stages()) {
            if (s.kind() == StageKind.TOP_P) {
                return "nucleus " + tokens(s.keptCount());
            }
        }
        return "kept " + tokens(t.finalDist().keptCount());
    }

    /** "1 token", "5 tokens". */
    public static String tokens(int n) {
        return n + (n == 1 ? " token" : " tokens");
    }
}
