package dev.samplinglab.app;

import dev.samplinglab.app.common.RecordingPrompts;
import dev.samplinglab.app.step.ModelChoice;
import dev.samplinglab.app.step.StepView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.event.ActionEvent;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Random user actions on the window, each run on the FX thread as one event would be. Generic
 * actions (any visible button, slider, combo box, text field, tab) cover tabs added later; the
 * specific ones (keys, branch menus, chip clicks, model reloads, exports) reach what a generic
 * action cannot.
 */
final class Monkey {
    private static final String[] NUMBERS = {
        "0",
        "1",
        "0.5",
        "0.05",
        "3",
        "2",
        "200",
        "0.99",
        "-1",
        "1e9",
        "NaN",
        "Infinity",
        "-0",
        "",
        "  ",
        "abc",
        "1,5",
        "0x10",
        "99999999999999999999999",
        "١٢",
        "½",
        "1e-320",
        "+0.3"
    };
    private static final String[] PROMPTS = {
        "",
        " ",
        "The cat",
        "ROMEO:",
        "😀🎉 emoji and ünïcödé",
        "line\nbreak\ttab",
        "日本語テキスト",
        "\u0000\u0001",
        "a".repeat(3000),
        "the the the the the the",
        "<|endoftext|>"
    };
    private static final String[] SEEDS = {"0", "42", "-7", "9223372036854775807", "x", "", "1.5"};

    private static final boolean HEAVY = Boolean.getBoolean("session.heavy");
    private final MainWindow window;
    private final Stage stage;
    private final RecordingPrompts prompts;
    private final Path broken;
    private final Path out;
    private int exports;

    Monkey(MainWindow window, Stage stage, RecordingPrompts prompts, Path broken, Path out) {
        this.window = window;
        this.stage = stage;
        this.prompts = prompts;
        this.broken = broken;
        this.out = out;
    }

    /** Performs one random action; returns its name. */
    String act(Random rng, int i, FxStallMonitor stalls) {
        int roll = rng.nextInt(100);
        String name = name(roll);
        stalls.label(i + " " + name);
        if (FxStallMonitor.TRACE) {
            System.out.println("action " + i + " " + name);
        }
        if (name.equals("drag")) {
            drag(rng);
        } else {
            RandomSessionTest.fx(() -> run(name, rng));
        }
        if (rng.nextInt(4) == 0) {
            WaitForAsyncUtils.sleep(rng.nextInt(40), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        return name;
    }

    private static String name(int roll) {
        if (roll < 22) return "key-step";
        if (roll < 30) return "key-back";
        if (roll < 33) return "key-run";
        if (roll < 35) return "key-reset";
        if (roll < 36) return "key-presentation";
        if (roll < 46) return "drag";
        if (roll < 54) return "button";
        if (roll < 60) return "combo";
        if (roll < 68) return "type-number";
        if (roll < 70) return "type-seed";
        if (roll < 72) return "type-prompt";
        if (roll < 78) return "branch";
        if (roll < 84) return "chip-click";
        if (roll < 87) return "tab";
        if (roll < 92) return "model";
        if (roll < 94) return "export";
        if (roll < 96) return "resize";
        return "wait";
    }

    private void run(String name, Random rng) {
        switch (name) {
            case "key-step" -> key(rng.nextBoolean() ? KeyCode.RIGHT : KeyCode.SPACE, false);
            case "key-back" -> key(rng.nextBoolean() ? KeyCode.LEFT : KeyCode.BACK_SPACE, false);
            case "key-run" -> key(KeyCode.ENTER, false);
            case "key-reset" -> key(KeyCode.R, true);
            case "key-presentation" -> key(KeyCode.F11, false);
            case "button" ->
                    pick(rng, visible(ButtonBase.class, b -> !(b instanceof MenuButton)))
                            .ifPresent(ButtonBase::fire);
            case "combo" -> combo(rng);
            case "type-number" -> typeNumber(rng);
            case "type-seed" ->
                    type(lookup("#seed", TextField.class), SEEDS[rng.nextInt(SEEDS.length)]);
            case "type-prompt" -> typePrompt(rng);
            case "branch" -> branch(rng);
            case "chip-click" -> chipClick(rng);
            case "tab" ->
                    pick(rng, visible(TabPane.class, t -> true))
                            .ifPresent(
                                    t ->
                                            t.getSelectionModel()
                                                    .select(rng.nextInt(t.getTabs().size())));
            case "model" -> model(rng);
            case "export" -> export(rng);
            case "resize" -> resize(rng);
            default -> {}
        }
    }

    /** A new window size within the screen (Monocle's headless screen is 1280 x 800). */
    private void resize(Random rng) {
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setWidth(Math.min(screen.getWidth(), 900 + rng.nextInt(300)));
        stage.setHeight(Math.min(screen.getHeight(), 600 + rng.nextInt(150)));
    }

    private void key(KeyCode code, boolean shortcut) {
        Scene scene = stage.getScene();
        Node target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot();
        Event.fireEvent(
                target,
                new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, shortcut, false, false));
        Event.fireEvent(
                target,
                new KeyEvent(KeyEvent.KEY_RELEASED, "", "", code, false, shortcut, false, false));
    }

    /** A slider drag: several intermediate values, one per event as a mouse drag gives. */
    private void drag(Random rng) {
        List<Slider> sliders =
                WaitForAsyncUtils.waitFor(
                        WaitForAsyncUtils.asyncFx(() -> visible(Slider.class, s -> true)));
        if (sliders.isEmpty()) {
            return;
        }
        Slider s = sliders.get(rng.nextInt(sliders.size()));
        double target = s.getMin() + rng.nextDouble() * (s.getMax() - s.getMin());
        int moves = 2 + rng.nextInt(8);
        for (int k = 1; k <= moves; k++) {
            double f = (double) k / moves;
            RandomSessionTest.fx(() -> s.setValue(s.getValue() + f * (target - s.getValue())));
        }
    }

    private void combo(Random rng) {
        pick(rng, visible(ComboBox.class, c -> !"model-picker".equals(c.getId()) && heavyOk(c)))
                .ifPresent(
                        c -> {
                            if (!c.getItems().isEmpty()) {
                                c.getSelectionModel().select(rng.nextInt(c.getItems().size()));
                            }
                        });
    }

    /** The cache lab's GPT-2-small choice takes seconds per run: only with -Dsession.heavy. */
    private static boolean heavyOk(Node n) {
        return HEAVY || !"cl-model".equals(n.getId());
    }

    private void typeNumber(Random rng) {
        pick(rng, visible(TextField.class, f -> !"seed".equals(f.getId())))
                .ifPresent(f -> type(f, NUMBERS[rng.nextInt(NUMBERS.length)]));
    }

    private void typePrompt(Random rng) {
        TextArea prompt = lookup("#prompt", TextArea.class);
        if (prompt != null) {
            prompt.setText(PROMPTS[rng.nextInt(PROMPTS.length)]);
        }
    }

    private static void type(TextField field, String text) {
        if (field != null) {
            field.setText(text);
            field.fireEvent(new ActionEvent());
        }
    }

    private void branch(Random rng) {
        List<MenuItem> items = new ArrayList<>();
        MenuButton menu = lookup("#branch-menu", MenuButton.class);
        if (menu != null && !menu.isDisabled()) {
            items.addAll(menu.getItems());
        }
        List<Label> chips = view().strip().chips();
        if (!chips.isEmpty() && rng.nextBoolean()) {
            items.clear();
            items.addAll(
                    view().strip().branchMenuOf(chips.get(rng.nextInt(chips.size()))).getItems());
        }
        if (!items.isEmpty()) {
            items.get(rng.nextInt(items.size())).fire();
        }
    }

    private void chipClick(Random rng) {
        List<Label> chips = view().strip().chips();
        if (chips.isEmpty()) {
            return;
        }
        Label chip = chips.get(rng.nextInt(chips.size()));
        Event.fireEvent(
                chip,
                new MouseEvent(
                        MouseEvent.MOUSE_CLICKED,
                        1,
                        1,
                        1,
                        1,
                        MouseButton.PRIMARY,
                        1,
                        false,
                        false,
                        false,
                        false,
                        true,
                        false,
                        false,
                        true,
                        false,
                        true,
                        null));
    }

    private void model(Random rng) {
        @SuppressWarnings("unchecked")
        ComboBox<ModelChoice> picker = lookup("#model-picker", ComboBox.class);
        if (picker == null) {
            return; // folded away in presentation mode
        }
        int roll = rng.nextInt(4);
        if (roll == 0) {
            prompts.folders.add(broken);
        }
        if (roll <= 1) {
            picker.setValue(ModelChoice.openFolder());
            return;
        }
        List<ModelChoice> choices = new ArrayList<>(picker.getItems());
        choices.removeIf(
                c -> c.spec().equals(ModelChoice.OPEN_FOLDER) || c.spec().contains("broken"));
        choices.remove(picker.getValue());
        if (!choices.isEmpty()) {
            picker.setValue(choices.get(rng.nextInt(choices.size())));
        }
    }

    private void export(Random rng) {
        MenuButton menu = lookup("#export-menu", MenuButton.class);
        if (menu == null) {
            return;
        }
        MenuItem item = menu.getItems().get(rng.nextInt(menu.getItems().size()));
        String ext =
                item.getText().contains("PNG")
                        ? ".png"
                        : item.getText().contains("CSV") ? ".csv" : ".json";
        prompts.files.add(out.resolve("export-" + (exports++ % 3) + ext));
        prompts.allowOverwrite = rng.nextBoolean();
        item.fire();
    }

    int chipCount() {
        return view().strip().chips().size();
    }

    private StepView view() {
        return window.view();
    }

    private <T> T lookup(String selector, Class<T> type) {
        Node n = stage.getScene().getRoot().lookup(selector);
        return type.isInstance(n) ? type.cast(n) : null;
    }

    private static <T> java.util.Optional<T> pick(Random rng, List<T> items) {
        return items.isEmpty()
                ? java.util.Optional.empty()
                : java.util.Optional.of(items.get(rng.nextInt(items.size())));
    }

    /** Nodes of a type that are shown and enabled. */
    private <T extends Node> List<T> visible(Class<T> type, java.util.function.Predicate<T> keep) {
        List<T> found = new ArrayList<>();
        collect(stage.getScene().getRoot(), type, keep, found);
        return found;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Node> void collect(
            Node node, Class<T> type, java.util.function.Predicate<T> keep, List<T> found) {
        if (!node.isVisible() || node.isDisabled()) {
            return;
        }
        if (type.isInstance(node) && keep.test((T) node)) {
            found.add((T) node);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, type, keep, found);
            }
        }
    }
}
