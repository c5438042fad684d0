package dev.samplinglab.app.widgets;

import dev.samplinglab.app.step.ControlsPane;
import dev.samplinglab.engine.sampling.Preset;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A compact editor of one {@link StrategyForm} for the compare columns and the playground: preset,
 * greedy, temperature, top-k, top-p with its boundary rule, min-p and (optionally) the chain order.
 * Same rows and scales as the step window's controls.
 */
public final class StrategyEditor extends VBox {
    private final ToggleGroup rule = new ToggleGroup();

    /**
     * @param form the strategy to edit
     * @param id prefix of the controls' ids ("c0-" gives "c0-temperature")
     * @param withPresetsAndOrder whether to show the preset picker, greedy and the chain order
     */
    public StrategyEditor(StrategyForm form, String id, boolean withPresetsAndOrder) {
        setSpacing(4);
        getStyleClass().add("strategy-editor");
        if (withPresetsAndOrder) {
            CheckBox greedy = new CheckBox("Greedy");
            greedy.setId(id + "greedy");
            greedy.selectedProperty().bindBidirectional(form.greedyProperty());
            getChildren().addAll(presets(form, id), greedy);
        }
        getChildren()
                .addAll(
                        new ParamRow(
                                id + "temperature",
                                "Temperature",
                                "Divides the logits: < 1 sharper, > 1 flatter (0.05 to 3)",
                                Scales.TEMPERATURE,
                                form.temperatureProperty()),
                        new ParamRow(
                                id + "top-k",
                                "Top-k",
                                "Keep the k most likely tokens; 0 = off",
                                ParamRow.Scale.linear(0, 200, 1, "%.0f"),
                                form.topKProperty()),
                        new ParamRow(
                                id + "top-p",
                                "Top-p",
                                "Nucleus: keep the most likely tokens up to mass p; 1 = off",
                                ParamRow.Scale.linear(0.01, 1, 0.01, "%.2f"),
                                form.topPProperty()),
                        ruleBox(form, id),
                        new ParamRow(
                                id + "min-p",
                                "Min-p",
                                "Keep tokens with p ≥ min-p × p(top); 0 = off",
                                ParamRow.Scale.linear(0, 1, 0.01, "%.2f"),
                                form.minPProperty()));
        if (withPresetsAndOrder) {
            ChainOrderBox box = new ChainOrderBox(form);
            // unique ids: several editors and the step window share one scene
            box.setId(id + "chain-order");
            box.preset().setId(id + "order-preset");
            box.list().setId(id + "order-list");
            TitledPane order = new TitledPane("Chain order", box);
            order.setId(id + "order");
            order.setExpanded(false);
            getChildren().add(order);
        }
    }

    private static Node presets(StrategyForm form, String id) {
        ComboBox<Preset> presets = new ComboBox<>();
        presets.setId(id + "preset");
        presets.getItems().addAll(Preset.values());
        presets.setPromptText("Use a preset…");
        presets.setMaxWidth(Double.MAX_VALUE);
        presets.setTooltip(new Tooltip("Sets greedy, T, top-k and top-p; min-p off"));
        presets.setConverter(
                new javafx.util.StringConverter<>() {
                    @Override
                    public String toString(Preset p) {
                        return p == null ? "" : ControlsPane.presetLabel(p);
                    }

                    @Override
                    public Preset fromString(String s) {
                        return null;
                    }
                });
        presets.setOnAction(
                e -> {
                    if (presets.getValue() != null) {
                        form.applyPreset(presets.getValue());
                    }
                });
        return presets;
    }

    private Node ruleBox(StrategyForm form, String id) {
        ToggleButton inclusive =
                ruleButton(
                        id + "rule-inclusive",
                        "inclusive",
                        Strategy.Rule.INCLUSIVE,
                        "Keep the smallest prefix whose sum reaches p");
        ToggleButton le =
                ruleButton(
                        id + "rule-cumsum",
                        "cumsum ≤ p",
                        Strategy.Rule.CUMSUM_LE_P,
                        "Keep tokens while the running sum stays ≤ p");
        select(form.ruleProperty().get());
        form.ruleProperty().addListener((obs, o, n) -> select(n));
        rule.selectedToggleProperty()
                .addListener(
                        (obs, o, n) -> {
                            if (n == null) {
                                select(form.ruleProperty().get());
                            } else {
                                form.ruleProperty().set((Strategy.Rule) n.getUserData());
                            }
                        });
        Label label = new Label("Top-p rule");
        label.setMinWidth(96);
        HBox box = new HBox(6, label, inclusive, le);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private ToggleButton ruleButton(String id, String text, Strategy.Rule r, String tip) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setUserData(r);
        b.setTooltip(new Tooltip(tip));
        b.setToggleGroup(rule);
        return b;
    }

    private void select(Strategy.Rule r) {
        for (var t : rule.getToggles()) {
            if (t.getUserData() == r && !t.isSelected()) {
                t.setSelected(true);
            }
        }
    }
}
