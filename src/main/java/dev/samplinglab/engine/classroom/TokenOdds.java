package dev.samplinglab.engine.classroom;

import java.util.Locale;

/**
 * One token of a guess at its step: its probability under the model and its rank there.
 *
 * @param id the token id
 * @param piece its display piece (space, newline and tab made visible)
 * @param prob its probability under the model at temperature 1
 * @param rank 1 for the likeliest token; ties are ranked by id, as the charts order them
 */
public record TokenOdds(int id, String piece, double prob, int rank) {

    /** "p(' Rom') 0.12" with the token's text in quotes, spaces as typed. */
    public String factor() {
        return "p('%s') %s".formatted(piece.replace('␣', ' '), Probabilities.format(prob));
    }

    /** "#3" */
    public String rankText() {
        return String.format(Locale.ROOT, "#%d", rank);
    }
}
