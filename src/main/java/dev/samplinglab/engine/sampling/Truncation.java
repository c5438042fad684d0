package dev.samplinglab.engine.sampling;

import java.util.List;
import java.util.Optional;

/**
 * What a step computed from an inference server's top-N log-probabilities could not see: the server
 * sent {@code sent} tokens carrying 1 − {@code restMass} of the probability, and every stage whose
 * answer the missing tail may change carries a caveat. Temperature renormalizes over the tokens
 * sent; top-k and min-p are exact when their kept set fits inside them; top-p is exact when its p
 * line is reached inside them on exact probabilities; typical-p needs the whole entropy.
 *
 * @param sent tokens the server sent (the head the pipeline ran on)
 * @param restMass 1 − Σ p over them: the "rest of the vocabulary"
 * @param caveats per stage whose answer may differ from the full-vocabulary one, in chain order
 * @param contextCaveat a caveat of the whole step (the context went as text and was tokenized
 *     again), or empty
 */
public record Truncation(
        int sent, double restMass, List<StageCaveat> caveats, Optional<String> contextCaveat) {

    public Truncation {
        caveats = List.copyOf(caveats);
    }

    /**
     * Whether the step's answer (the kept set and the final distribution) is the one the full
     * vocabulary would give; a display caveat (temperature renormalized over the head) may remain.
     */
    public boolean exact() {
        return caveats.stream().noneMatch(StageCaveat::changesAnswer);
    }

    /** The caveat of the stage with trace name {@code stage} ("temperature", "top_p", "final"). */
    public Optional<String> caveat(String stage) {
        return caveats.stream()
                .filter(c -> c.stage().equals(stage))
                .map(StageCaveat::note)
                .findFirst();
    }

    /**
     * One stage whose answer the truncation may change.
     *
     * @param stage the stage's trace name ({@link StageKind#traceName()}, or "final")
     * @param note one line: what the stage could not see
     * @param changesAnswer whether the kept set or the final distribution may differ from the
     *     full-vocabulary one (false: only this stage's displayed probabilities are relative to the
     *     tokens sent, as temperature's are before a cut inside them)
     */
    public record StageCaveat(String stage, String note, boolean changesAnswer) {}
}
