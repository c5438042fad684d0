package dev.samplinglab.app.widgets;

import dev.samplinglab.engine.sampling.Preset;
import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.sampling.TopPRule;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.SegmentedButton;

/**
 * The editor of one {@link StrategyForm}, used by the step window, the compare columns and the
 * playground: preset and greedy, temperature, top-k, top-p with its boundary rule, min-p,
 * typical-p, and the chain order, as the {@link Layout} asks. Every row's scale is in {@link
 * Scales}.
 */
public final class StrategyEditor extends VBox {
    /** What choosing a preset does. */
    public static final String PRESET_TIP =
            "Sets the whole strategy: T, top-k and top-p from the preset; min-p, typical-p and"
                    + " penalties off; the inclusive rule; Hugging Face order";

    /** Which rows a tab shows. */
    public enum Layout {
        /** The step window: presets, greedy, every filter (penalties and order in own panes). */
        STEP(true, true, false),
        /** A compare column: presets, greedy, T, k, p, rule, min-p and the chain order. */
        COMPARE(true, false, true),
        /** The playground: T, k, p, rule and min-p. */
        PLAYGROUND(false, false, false);

        private final boolean presets;
        private final boolean typicalP;
        private final boolean order;

        Layout(boolean presets, boolean typicalP, boolean order) {
            this.presets = presets;
            this.typicalP = typicalP;
            this.order = order;
        }
    }

    private ToggleGroup rule; // the top-p rule buttons' group: the SegmentedButton's own

    /**
     * @param form the strategy to edit
     * @param id prefix of the controls' ids ("c0-" gives "c0-temperature")
     * @param layout which rows to show
     */
    public StrategyEditor(StrategyForm form, String id, Layout layout) {
        setSpacing(layout == Layout.STEP ? 6 : 4);
        getStyleClass().add("strategy-editor");
        if (layout.presets) {
            var greedy =
                    Switches.of(
                            id + "greedy",
                            "Greedy (argmax)",
                            "Always take the most probable token; the penalties still apply",
                            form.greedyProperty());
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
                                Scales.TOP_K,
                                form.topKProperty()),
                        new ParamRow(
                                id + "top-p",
                                "Top-p",
                                "Nucleus: keep the most likely tokens up to mass p; 1 = off",
                                Scales.TOP_P,
                                form.topPProperty()),
                        ruleBox(form, id),
                        new ParamRow(
                                id + "min-p",
                                "Min-p",
                                "Keep tokens with p ≥ min-p × p(top); 0 = off",
                                Scales.MIN_P,
                                form.minPProperty()));
        if (layout.typicalP) {
            getChildren()
                    .add(
                            new ParamRow(
                                    id + "typical-p",
                                    "Typical-p",
                                    "Locally typical sampling mass; 1 = off",
                                    Scales.TYPICAL_P,
                                    form.typicalPProperty()));
        }
        if (layout.order) {
            getChildren().add(orderPane(form, id));
        }
    }

    /** The penalty rows (repetition, frequency, presence and their window). */
    public static VBox penalties(StrategyForm form) {
        return new VBox(
                6,
                new ParamRow(
                        "repetition",
                        "Repetition",
                        "CTRL repetition penalty; 1 = off",
                        Scales.REPETITION_PENALTY,
                        form.repetitionPenaltyProperty()),
                new ParamRow(
                        "frequency",
                        "Frequency",
                        "Subtract this × count; 0 = off",
                        Scales.FREQUENCY_PRESENCE_PENALTY,
                        form.frequencyPenaltyProperty()),
                new ParamRow(
                        "presence",
                        "Presence",
                        "Subtract this once if seen; 0 = off",
                        Scales.FREQUENCY_PRESENCE_PENALTY,
                        form.presencePenaltyProperty()),
                new ParamRow(
                        "window",
                        "Window",
                        "Recent tokens the penalties see; 0 = all",
                        Scales.PENALTY_WINDOW,
                        form.penaltyWindowProperty()));
    }

    private static TitledPane orderPane(StrategyForm form, String id) {
        ChainOrderBox box = new ChainOrderBox(form);
        // unique ids: several editors and the step window share one scene
        box.setId(id + "chain-order");
        box.preset().setId(id + "order-preset");
        box.list().setId(id + "order-list");
        TitledPane order = new TitledPane("Chain order", box);
        order.setId(id + "order");
        order.setExpanded(false);
        return order;
    }

    /** "general (T 0.9, k 45, p 0.90)", or "greedy (argmax)". */
    public static String presetLabel(Preset p) {
        SamplingSettings s = p.settings();
        return s.greedy()
                ? "greedy (argmax)"
                : String.format(
                        Locale.ROOT,
                        "%s (T %.1f, k %d, p %.2f)",
                        p.cliName(),
                        s.temperature(),
                        s.topK(),
                        s.topP());
    }

    private static Node presets(StrategyForm form, String id) {
        ComboBox<Preset> presets = new ComboBox<>();
        presets.setId(id + "preset");
        presets.getItems().addAll(Preset.values());
        presets.setPromptText("Use a preset…");
        presets.setMaxWidth(Double.MAX_VALUE);
        presets.setTooltip(new Tooltip(PRESET_TIP));
        presets.setConverter(
                new StringConverter<>() {
                    @Override
                    public String toString(Preset p) {
                        return p == null ? "" : presetLabel(p);
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
        SegmentedButton rules =
                new SegmentedButton(
                        ruleButton(
                                id + "rule-inclusive",
                                "inclusive",
                                TopPRule.INCLUSIVE,
                                "Keep the smallest prefix whose sum reaches p"),
                        ruleButton(
                                id + "rule-cumsum",
                                "cumsum ≤ p",
                                TopPRule.CUMSUM_LE_P,
                                "Keep tokens while the running sum stays ≤ p"));
        rules.setId(id + "rule");
        rule = rules.getToggleGroup();
        // the skin joins the buttons to the group only when shown: join now, to select one now
        rules.getButtons().forEach(b -> b.setToggleGroup(rule));
        select(form.ruleProperty().get());
        form.ruleProperty().addListener((obs, o, n) -> select(n));
        rule.selectedToggleProperty()
                .addListener(
                        (obs, o, n) -> {
                            if (n == null) {
                                select(form.ruleProperty().get());
                            } else {
                                form.ruleProperty().set((TopPRule) n.getUserData());
                            }
                        });
        Label label = new Label("Top-p rule");
        label.getStyleClass().add("param-label");
        label.setMinWidth(96);
        HBox box = new HBox(6, label, rules);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static ToggleButton ruleButton(String id, String text, TopPRule r, String tip) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setUserData(r);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private void select(TopPRule r) {
        for (var t : rule.getToggles()) {
            if (t.getUserData() == r && !t.isSelected()) {
                t.setSelected(true);
            }
        }
    }
}
