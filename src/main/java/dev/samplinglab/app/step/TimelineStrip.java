package dev.samplinglab.app.step;

import dev.samplinglab.app.chart.ChartTheme;
import dev.samplinglab.app.chart.TimelineChart;
import dev.samplinglab.app.chart.TimelineData;
import dev.samplinglab.app.common.StepResult;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;

/**
 * The step window's timeline wired to its view model: redrawn when the history changes, marks the
 * shown step, and a click selects that step (its charts open above).
 */
public final class TimelineStrip extends TimelineChart {

    public TimelineStrip(StepViewModel vm) {
        setId("timeline");
        setPadding(new Insets(0, 8, 0, 4));
        vm.history()
                .addListener(
                        (ListChangeListener<StepResult>)
                                c ->
                                        show(
                                                TimelineData.of(vm.history()),
                                                vm.selectedProperty().get()));
        vm.selectedProperty().addListener((obs, o, n) -> select(n.intValue()));
        vm.presentationProperty()
                .addListener(
                        (obs, o, on) -> setTheme(on ? ChartTheme.PRESENTATION : ChartTheme.NORMAL));
        setOnPick(vm::select);
        javafx.scene.control.Tooltip.install(this, StatusText.tooltip());
        show(TimelineData.of(vm.history()), vm.selectedProperty().get());
    }
}
