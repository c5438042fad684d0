package dev.samplinglab.app.guess;

import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.app.common.StepSource;
import dev.samplinglab.app.common.UserMessage;
import dev.samplinglab.engine.classroom.NextTokenModel;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.ObservableList;

/**
 * The step window as a guessing round's host: scoring runs on the step window's model worker,
 * queued before the step it draws, so it always sees the distribution the step samples from.
 *
 * @param sessions runs a job on the worker with the step window's session; the job's result runs on
 *     the UI thread
 * @param draw takes the next step at the end of the history, as the Step command does
 * @param history the step window's steps
 * @param promptPieces the step window's prompt pieces
 */
public record StepHost(
        Consumer<Function<StepSource, Runnable>> sessions,
        Runnable draw,
        ObservableList<StepResult> history,
        ObservableList<String> promptPieces)
        implements GuessHost {

    @Override
    public <T> void score(
            Function<NextTokenModel, T> scoring, Consumer<T> onUi, Consumer<String> onError) {
        sessions.accept(
                session -> {
                    try (NextTokenModel model = session.nextTokens()) {
                        T result = scoring.apply(model);
                        return () -> onUi.accept(result);
                    } catch (RuntimeException e) {
                        String message = UserMessage.of(e);
                        return () -> onError.accept(message);
                    }
                });
    }

    @Override
    public void drawStep() {
        draw.run();
    }
}
