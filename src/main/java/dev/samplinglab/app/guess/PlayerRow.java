package dev.samplinglab.app.guess;

import dev.samplinglab.engine.classroom.GuessScore;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One player (or team) of a guessing round: their name, their guess for the current step and, once
 * revealed, its score and the probability the strategy gave its first token.
 */
public final class PlayerRow {
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty guess = new SimpleStringProperty(this, "guess", "");
    private final ObjectProperty<GuessScore> result = new SimpleObjectProperty<>(this, "result");
    private final DoubleProperty strategyProb =
            new SimpleDoubleProperty(this, "strategyProb", Double.NaN);

    PlayerRow(String name) {
        this.name.set(name);
    }

    /** The player's or team's name: their key in the scores. */
    public StringProperty nameProperty() {
        return name;
    }

    /** What they typed for the current step. */
    public StringProperty guessProperty() {
        return guess;
    }

    /** The revealed score of their guess, null before the reveal or when they typed nothing. */
    public ObjectProperty<GuessScore> resultProperty() {
        return result;
    }

    /**
     * The probability the strategy (temperature, top-k, ...) gave the guess's first token at the
     * drawn step: 0 when a filter dropped it; NaN until the step is drawn.
     */
    public DoubleProperty strategyProbProperty() {
        return strategyProb;
    }

    void clear() {
        guess.set("");
        result.set(null);
        strategyProb.set(Double.NaN);
    }
}
