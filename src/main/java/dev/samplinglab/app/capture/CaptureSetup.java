package dev.samplinglab.app.capture;

import dev.samplinglab.app.MainWindow;
import dev.samplinglab.app.cachelab.CacheLabViewModel;
import dev.samplinglab.app.common.TabId;
import dev.samplinglab.app.compare.CompareViewModel;
import dev.samplinglab.app.playground.TutorialExample;
import dev.samplinglab.engine.sampling.Preset;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;

/**
 * Brings a lab tab into a state worth a screenshot for the {@code snapshot} command: compare takes
 * the same number of steps with greedy, general and creative; the cache lab times 128 positions;
 * the playground shows the tutorial's top-p example. Then {@code capture} runs on the FX thread.
 */
final class CaptureSetup {
    static final int CACHE_POSITIONS = 128;

    private CaptureSetup() {}

    static void prepare(MainWindow window, TabId view, int steps, Runnable capture) {
        window.tabs().show(view);
        switch (view) {
            case COMPARE -> compare(window.compare().viewModel(), steps, capture);
            case CACHE -> cache(window.cache().viewModel(), capture);
            case PLAYGROUND -> {
                window.playground().viewModel().load(TutorialExample.TOP_P_INCLUSIVE);
                later(capture);
            }
            case STEP -> later(capture);
        }
    }

    private static void compare(CompareViewModel vm, int steps, Runnable capture) {
        vm.columns().get(0).strategy().applyPreset(Preset.GREEDY);
        vm.columns().get(1).strategy().applyPreset(Preset.GENERAL);
        vm.addColumn(Preset.CREATIVE.settings());
        boolean[] captured = {false};
        ChangeListener<Number> next =
                (obs, o, n) -> {
                    if (n.intValue() != 0 || captured[0]) {
                        return;
                    }
                    if (vm.stepsProperty().get() < steps
                            && vm.lastErrorProperty().get().isEmpty()) {
                        vm.step();
                    } else {
                        captured[0] = true;
                        later(capture);
                    }
                };
        vm.pendingProperty().addListener(next);
        if (steps == 0) {
            captured[0] = true;
            later(capture);
        } else {
            vm.step();
        }
    }

    private static void cache(CacheLabViewModel vm, Runnable capture) {
        vm.tokensProperty().set(CACHE_POSITIONS);
        vm.runningProperty()
                .addListener(
                        (obs, was, now) -> {
                            if (was && !now) {
                                later(capture);
                            }
                        });
        vm.start();
    }

    /** After two pulses, so the new tab is laid out and drawn. */
    private static void later(Runnable r) {
        Platform.runLater(() -> Platform.runLater(r));
    }
}
