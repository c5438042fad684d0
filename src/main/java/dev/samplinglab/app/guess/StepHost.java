package dev.samplinglab.app.guess;

import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.app.common.UserMessage;
import dev.samplinglab.app.step.StepViewModel;
import dev.samplinglab.engine.classroom.NextTokenModel;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.ObservableList;

/**
 * The step window as a guessing round's host: scoring runs on the step window's model worker,
 * queued before the step it draws, so it always sees the distribution the step samples from.
 */
public final class StepHost implements GuessHost {
    private final StepViewModel vm;

    public StepHost(StepViewModel vm) {
        this.vm = vm;
    }

    @Override
    public <T> void score(
            Function<NextTokenModel, T> scoring, Consumer<T> onUi, Consumer<String> onError) {
        vm.withSession(
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
        vm.stopRunning();
        vm.select(vm.history().size() - 1);
        vm.step();
    }

    @Override
    public ObservableList<StepResult> history() {
        return vm.history();
    }

    @Override
    public ObservableList<String> promptPieces() {
        return vm.promptPieces();
    }
}
