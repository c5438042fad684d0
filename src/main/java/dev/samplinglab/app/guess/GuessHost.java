package dev.samplinglab.app.guess;

import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.engine.classroom.NextTokenModel;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.ObservableList;

/**
 * What a guessing round needs from the step window: scoring at the current step on the model
 * worker, drawing the step, and the text so far. The step window's implementation is {@link
 * StepHost}; tests use a hand-built one.
 */
public interface GuessHost {

    /**
     * Runs {@code scoring} on the model at the current step, on the model worker; {@code onUi} gets
     * its result, or {@code onError} a one-line message, on the UI thread.
     */
    <T> void score(Function<NextTokenModel, T> scoring, Consumer<T> onUi, Consumer<String> onError);

    /** Draws the next token with the current strategy (after any scoring already submitted). */
    void drawStep();

    /** The steps drawn so far (UI thread). */
    ObservableList<StepResult> history();

    /** Display pieces of the prompt (UI thread). */
    ObservableList<String> promptPieces();
}
