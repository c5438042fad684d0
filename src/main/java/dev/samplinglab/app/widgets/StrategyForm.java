package dev.samplinglab.app.widgets;

import dev.samplinglab.engine.sampling.ChainOrder;
import dev.samplinglab.engine.sampling.Preset;
import dev.samplinglab.engine.sampling.StageKind;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * The strategy controls as properties. Any change calls the listener once (batched while a whole
 * strategy is applied), which the window uses to recompute the current step.
 */
public final class StrategyForm {
    private final BooleanProperty greedy = new SimpleBooleanProperty(this, "greedy");
    private final DoubleProperty temperature = new SimpleDoubleProperty(this, "temperature", 1);
    private final IntegerProperty topK = new SimpleIntegerProperty(this, "topK");
    private final DoubleProperty topP = new SimpleDoubleProperty(this, "topP", 1);
    private final ObjectProperty<Strategy.Rule> rule =
            new SimpleObjectProperty<>(this, "rule", Strategy.Rule.INCLUSIVE);
    private final DoubleProperty minP = new SimpleDoubleProperty(this, "minP");
    private final DoubleProperty typicalP = new SimpleDoubleProperty(this, "typicalP", 1);
    private final DoubleProperty repetitionPenalty =
            new SimpleDoubleProperty(this, "repetitionPenalty", 1);
    private final DoubleProperty frequencyPenalty = new SimpleDoubleProperty(this, "frequency");
    private final DoubleProperty presencePenalty = new SimpleDoubleProperty(this, "presence");
    private final IntegerProperty penaltyWindow = new SimpleIntegerProperty(this, "window", 64);
    private final ObjectProperty<List<StageKind>> order =
            new SimpleObjectProperty<>(this, "order", List.of());
    private Runnable onChange = () -> {};
    private boolean applying;

    public StrategyForm(Strategy initial) {
        apply(initial);
        for (ObservableValue<?> p :
                List.of(
                        greedy,
                        temperature,
                        topK,
                        topP,
                        rule,
                        minP,
                        typicalP,
                        repetitionPenalty,
                        frequencyPenalty,
                        presencePenalty,
                        penaltyWindow,
                        order)) {
            p.addListener((obs, oldValue, newValue) -> changed());
        }
    }

    private void changed() {
        if (!applying) {
            onChange.run();
        }
    }

    public void setOnChange(Runnable onChange) {
        this.onChange = onChange;
    }

    /** Sets every control from a strategy, notifying once. */
    public void apply(Strategy s) {
        applying = true;
        try {
            greedy.set(s.greedy());
            temperature.set(s.temperature());
            topK.set(s.topK());
            topP.set(s.topP());
            rule.set(s.rule());
            minP.set(s.minP());
            typicalP.set(s.typicalP());
            repetitionPenalty.set(s.repetitionPenalty());
            frequencyPenalty.set(s.frequencyPenalty());
            presencePenalty.set(s.presencePenalty());
            penaltyWindow.set(s.penaltyWindow());
            order.set(List.copyOf(s.order()));
        } finally {
            applying = false;
        }
        onChange.run();
    }

    /** Applies a preset: greedy, T, k and p; min-p and typical-p off; the rest kept. */
    public void applyPreset(Preset preset) {
        apply(strategy().withPreset(preset));
    }

    /** Sets a preset chain order. */
    public void applyOrder(ChainOrder preset) {
        order.set(preset.stages());
    }

    /** The current values as one immutable strategy. */
    public Strategy strategy() {
        return new Strategy(
                greedy.get(),
                temperature.get(),
                topK.get(),
                topP.get(),
                rule.get(),
                minP.get(),
                typicalP.get(),
                repetitionPenalty.get(),
                frequencyPenalty.get(),
                presencePenalty.get(),
                penaltyWindow.get(),
                order.get());
    }

    public BooleanProperty greedyProperty() {
        return greedy;
    }

    public DoubleProperty temperatureProperty() {
        return temperature;
    }

    public IntegerProperty topKProperty() {
        return topK;
    }

    public DoubleProperty topPProperty() {
        return topP;
    }

    public ObjectProperty<Strategy.Rule> ruleProperty() {
        return rule;
    }

    public DoubleProperty minPProperty() {
        return minP;
    }

    public DoubleProperty typicalPProperty() {
        return typicalP;
    }

    public DoubleProperty repetitionPenaltyProperty() {
        return repetitionPenalty;
    }

    public DoubleProperty frequencyPenaltyProperty() {
        return frequencyPenalty;
    }

    public DoubleProperty presencePenaltyProperty() {
        return presencePenalty;
    }

    public IntegerProperty penaltyWindowProperty() {
        return penaltyWindow;
    }

    public ObjectProperty<List<StageKind>> orderProperty() {
        return order;
    }
}
