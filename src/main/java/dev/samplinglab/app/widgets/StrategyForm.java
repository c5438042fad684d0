package dev.samplinglab.app.widgets;

import dev.samplinglab.engine.BadInputException;
import dev.samplinglab.engine.sampling.ChainOrder;
import dev.samplinglab.engine.sampling.Preset;
import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.sampling.StageKind;
import dev.samplinglab.engine.sampling.TopPRule;
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
 * The strategy controls as properties, mapped to {@link SamplingSettings}, the one declaration of
 * the sampling parameters. The controls may describe an invalid strategy for a moment (a custom
 * order without a stage that is set): {@link #settings()} then throws with the engine's one-line
 * message, and {@link #lastValid()} keeps what to save. Any change calls the listener once (batched
 * while a whole strategy is applied), which the window uses to recompute the current step.
 */
public final class StrategyForm {
    private final BooleanProperty greedy = watched(new SimpleBooleanProperty(this, "greedy"));
    private final DoubleProperty temperature =
            watched(new SimpleDoubleProperty(this, "temperature", 1));
    private final IntegerProperty topK = watched(new SimpleIntegerProperty(this, "topK"));
    private final DoubleProperty topP = watched(new SimpleDoubleProperty(this, "topP", 1));
    private final ObjectProperty<TopPRule> rule =
            watched(new SimpleObjectProperty<>(this, "rule", TopPRule.INCLUSIVE));
    private final DoubleProperty minP = watched(new SimpleDoubleProperty(this, "minP"));
    private final DoubleProperty typicalP = watched(new SimpleDoubleProperty(this, "typicalP", 1));
    private final DoubleProperty repetitionPenalty =
            watched(new SimpleDoubleProperty(this, "repetitionPenalty", 1));
    private final DoubleProperty frequencyPenalty =
            watched(new SimpleDoubleProperty(this, "frequency"));
    private final DoubleProperty presencePenalty =
            watched(new SimpleDoubleProperty(this, "presence"));
    private final IntegerProperty penaltyWindow =
            watched(new SimpleIntegerProperty(this, "window", 64));
    private final ObjectProperty<List<StageKind>> order =
            watched(new SimpleObjectProperty<>(this, "order", List.of()));
    private final javafx.beans.property.ReadOnlyIntegerWrapper revision =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "revision");
    private Runnable onChange = () -> {};
    private boolean applying;
    private SamplingSettings lastValid;

    public StrategyForm(SamplingSettings initial) {
        apply(initial);
    }

    /** A strategy control: any change to it is a change of the strategy. */
    private <P extends ObservableValue<?>> P watched(P property) {
        property.addListener((obs, oldValue, newValue) -> changed());
        return property;
    }

    private void changed() {
        if (!applying) {
            remember();
            revision.set(revision.get() + 1);
            onChange.run();
        }
    }

    /**
     * Counts changes to the strategy: any field, or a whole strategy applied (once). Views that
     * describe the strategy listen to it.
     */
    public javafx.beans.property.ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    private void remember() {
        try {
            lastValid = settings();
        } catch (BadInputException e) {
            // keep the last valid one; the view model shows the message
        }
    }

    public void setOnChange(Runnable onChange) {
        this.onChange = onChange;
    }

    /** Sets every control from settings, notifying once. */
    public void apply(SamplingSettings s) {
        applying = true;
        try {
            greedy.set(s.greedy());
            temperature.set(s.temperature());
            topK.set(s.topK());
            topP.set(s.topP());
            rule.set(s.topPRule());
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
        lastValid = s;
        revision.set(revision.get() + 1);
        onChange.run();
    }

    /** Applies a preset: the whole strategy it names. */
    public void applyPreset(Preset preset) {
        apply(preset.settings());
    }

    /** Sets a preset chain order. */
    public void applyOrder(ChainOrder preset) {
        order.set(preset.stages());
    }

    /**
     * The settings the controls describe.
     *
     * @throws BadInputException with a one-line message when they are not a valid strategy
     */
    public SamplingSettings settings() {
        return SamplingSettings.builder()
                .greedy(greedy.get())
                .temperature(temperature.get())
                .topK(topK.get())
                .topP(topP.get())
                .topPRule(rule.get())
                .minP(minP.get())
                .typicalP(typicalP.get())
                .repetitionPenalty(repetitionPenalty.get())
                .frequencyPenalty(frequencyPenalty.get())
                .presencePenalty(presencePenalty.get())
                .penaltyWindow(penaltyWindow.get())
                .order(order.get())
                .build();
    }

    /** The last valid settings the controls described (what the settings file keeps). */
    public SamplingSettings lastValid() {
        return lastValid;
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

    public ObjectProperty<TopPRule> ruleProperty() {
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
