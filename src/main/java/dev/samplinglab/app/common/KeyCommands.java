package dev.samplinglab.app.common;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The window's keyboard commands, installed as a scene filter so they work whatever has focus,
 * except plain keys while typing in a text field.
 */
public final class KeyCommands {
    private static final KeyCombination RESET = KeyCombination.keyCombination("Shortcut+R");
    static final KeyCombination EXPORT_PNG = KeyCombination.keyCombination("Shortcut+E");
    static final KeyCombination EXPORT_CSV = KeyCombination.keyCombination("Shortcut+Shift+E");
    static final KeyCombination EXPORT_JSON = KeyCombination.keyCombination("Shortcut+J");
    static final KeyCombination BRANCH = KeyCombination.keyCombination("Shortcut+B");
    private static final KeyCombination PRESENT = KeyCombination.keyCombination("Shortcut+Shift+P");

    /** What the keys trigger. */
    public interface Actions {
        void step();

        void back();

        void toggleRun();

        void reset();

        void togglePresentation();

        void exportPng();

        void exportCsv();

        void exportJson();

        void openBranchMenu();
    }

    private KeyCommands() {}

    public static void install(Scene scene, Actions actions) {
        scene.addEventFilter(
                KeyEvent.KEY_PRESSED,
                e -> {
                    if (handle(e, actions, scene.getFocusOwner())) {
                        e.consume();
                    }
                });
    }

    static boolean handle(KeyEvent e, Actions a, Node focus) {
        if (RESET.match(e)) {
            a.reset();
            return true;
        }
        if (PRESENT.match(e) || e.getCode() == KeyCode.F11) {
            a.togglePresentation();
            return true;
        }
        if (EXPORT_PNG.match(e)) {
            a.exportPng();
            return true;
        }
        if (EXPORT_CSV.match(e)) {
            a.exportCsv();
            return true;
        }
        if (EXPORT_JSON.match(e)) {
            a.exportJson();
            return true;
        }
        if (BRANCH.match(e)) {
            a.openBranchMenu();
            return true;
        }
        if (focus instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
            return false;
        }
        switch (e.getCode()) {
            case RIGHT, SPACE -> a.step();
            case LEFT, BACK_SPACE -> a.back();
            case ENTER -> a.toggleRun();
            default -> {
                return false;
            }
        }
        return true;
    }
}
