package dev.samplinglab.app.step;

import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.engine.sampling.StageKind;
import dev.samplinglab.engine.sampling.StageTrace;
import dev.samplinglab.engine.sampling.StepTrace;
import java.util.Locale;

/** The status line of a step: entropy, nucleus size, kept mass, p(chosen), surprisal, cache, ms. */
public final class StatusText {
    private StatusText() {}

    public static String of(StepResult step) {
        if (step == null) {
            return "No step yet: press → or Space to decode the next token.";
        }
        StepTrace t = step.trace();
        return String.format(
                Locale.ROOT,
                "step %d · entropy %.2f bits · nucleus %s · kept mass %.3f · p(chosen) %.3f ·"
                        + " surprisal %.2f bits · cache %d · %.1f ms%s",
                step.index() + 1,
                t.entropyRawBits() + 0.0, // + 0.0 turns -0.0 into 0.0
                nucleus(t),
                keptMass(t),
                t.chosenProb(),
                t.surprisalBits() + 0.0,
                step.cacheLength(),
                step.millis(),
                step.forced() ? " · chosen by you" : "");
    }

    /** Tokens left for the picker, and the top-p stage's count when it ran. */
    static String nucleus(StepTrace t) {
        for (StageTrace s : t.stages()) {
            if (s.kind() == StageKind.TOP_P) {
                return s.keptCount() + " tokens";
            }
        }
        return t.finalDist().keptCount() + " tokens (no top-p)";
    }

    /** Raw probability mass of the tokens that survive all stages. */
    static double keptMass(StepTrace t) {
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
