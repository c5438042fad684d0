package dev.samplinglab.app.guess;

import dev.samplinglab.engine.classroom.GuessScore;
import dev.samplinglab.engine.classroom.Probabilities;

/** The revealed line of one player's guess: rank, the product formula, top 10, the strategy. */
final class ResultText {
    private ResultText() {}

    /**
     * "#3 · p(' Rom') 0.12 × p('eo') 0.9 = 0.108 · top 10 ✓" and, on a second line, how it was read
     * and what the strategy gave its first token; "no guess" for null.
     */
    static String of(GuessScore s, double strategyProb) {
        if (s == null || !s.scored()) {
            return "no guess: no hit, %.0f points".formatted(GuessScore.FLOOR);
        }
        String top = s.inTop() ? "top 10 ✓" : "not in the top 10";
        String line = "#%d · %s · %s".formatted(s.rank(), s.formula(), top);
        String note = s.note();
        if (!Double.isNaN(strategyProb)) {
            String kept =
                    strategyProb > 0
                            ? "the strategy gives its first token %s"
                                    .formatted(Probabilities.format(strategyProb))
                            : "the strategy drops its first token";
            note = note.isEmpty() ? kept : note + "; " + kept;
        }
        return note.isEmpty() ? line : line + "\n" + note;
    }
}
