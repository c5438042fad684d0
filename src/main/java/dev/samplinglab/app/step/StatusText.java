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
    /**
     * Formulas behind the status figures, for their tooltip in the step window and the playground
     * (logits z, temperature T).
     */
    public static final String GLOSSARY =
            """
            Each figure names the distribution it is of:
              model / logits (T = 1): p_i = exp(z_i) / Σ_j exp(z_j)
              after T: softmax(z / T), before any filter
              final: after every filter, renormalized; the token is drawn from it
            entropy H = −Σ_i p_i · log2 p_i, in bits
            nucleus / kept: tokens kept by the top-p stage / by the final distribution
            kept mass = Σ over the final distribution's tokens of their T = 1 probability
            p(chosen, final): the chosen token's probability in the final distribution
            surprisal = −log2 p(chosen), in bits (for a token you forced outside the kept \
            set: under the model, T = 1)
            cache: positions in the KV cache · ms: time of the step""";

    private StatusText() {}

    /** A tooltip with the {@link #GLOSSARY}, shown long enough to read. */
    public static javafx.scene.control.Tooltip tooltip() {
        var tip = new javafx.scene.control.Tooltip(GLOSSARY);
        tip.setId("glossary-tip");
        tip.setShowDuration(javafx.util.Duration.seconds(30));
        tip.getStyleClass().add("mono-tooltip");
        return tip;
    }

    /**
     * The status line of a step of a model on an inference server ({@code source} names it, e.g.
     * "127.0.0.1:8089 (llama.cpp server)"): it starts with how many tokens the server sent, so
     * every figure after it reads as computed over them.
     */
    public static String of(StepResult step, String source) {
        String line = of(step);
        if (step == null || step.trace().truncation() == null) {
            return line;
        }
        var t = step.trace().truncation();
        return "top-%d from %s · %s%s"
                .formatted(
                        t.sent(), source, t.contextCaveat().map(c -> c + " · ").orElse(""), line);
    }

    /**
     * "HOST:PORT (API)" of a server model from its spec and its name ("MODEL (llama.cpp server)");
     * the spec itself when it does not parse.
     */
    public static String serverSource(String spec, String modelName) {
        String api = "";
        int open = modelName == null ? -1 : modelName.lastIndexOf(" (");
        if (open >= 0 && modelName.endsWith(")")) {
            api = modelName.substring(open + 1);
        }
        try {
            java.net.URI base = dev.samplinglab.engine.server.ServerAddress.parse(spec).base();
            return (base.getAuthority() + " " + api).strip();
        } catch (RuntimeException e) {
            return spec == null ? "" : spec;
        }
    }

    public static String of(StepResult step) {
        if (step == null) {
            return "No step yet: press → or Space to decode the next token.";
        }
        return String.format(
                Locale.ROOT,
                "step %d · %s · cache %d · %.1f ms",
                step.index() + 1,
                figures(step.trace(), "model"),
                step.cacheLength(),
                step.millis());
    }

    /**
     * The figures of one draw, each named with the distribution it is of, the same way in the step
     * window and the playground; {@code source} names where the T = 1 distribution comes from
     * ("model", or "logits" in the playground).
     */
    public static String figures(StepTrace t, String source) {
        return String.format(
                Locale.ROOT,
                "entropy (%s, T = 1) %s%.2f bits · after T %.2f · final %.2f bits · %s ·"
                        + " kept mass (%s) %.3f · %s",
                source,
                t.truncation() == null ? "" : "≥ ",
                clean(t.entropyRawBits()),
                clean(t.entropyTemperedBits()),
                clean(t.entropyFinalBits()),
                nucleus(t),
                source,
                TimelineData.keptMass(t) + 0.0,
                chosen(t));
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
