package dev.samplinglab.app.common;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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
    static final KeyCombination GUESS = KeyCombination.keyCombination("Shortcut+G");
    static final KeyCombination REVEAL = KeyCombination.keyCombination("Shortcut+Enter");
    static final KeyCombination NEXT = KeyCombination.keyCombination("Shortcut+Right");
    private static final KeyCombination PRESENT = KeyCombination.keyCombination("Shortcut+Shift+P");

    private KeyCommands() {}

    /**
     * Sends the keys pressed in {@code scene} to the tab {@code target} returns at that moment; F11
     * and Ctrl+Shift+P call {@code togglePresentation}.
     */
    public static void install(Scene scene, Supplier<LabTab> target, Runnable togglePresentation) {
        scene.addEventFilter(
                KeyEvent.KEY_PRESSED,
                e -> {
                    if (handle(e, target.get(), togglePresentation, scene.getFocusOwner())) {
                        e.consume();
                    }
                });
    }

    /** Moves the focus out of a text field to the tab's key home. */
    private static void goHome(LabTab a, Node focus) {
        Node home = a.keyHome();
        if (home != null && focus instanceof TextInputControl) {
            home.requestFocus();
        }
    }

    /**
     * A focused control that needs the key itself: a table walks its cells with the arrows, a
     * slider moves, a button or check box is pressed with Space.
     */
    static boolean ownsKey(Node focus, KeyCode code) {
        if (focus instanceof TableView<?>) {
            return true;
        }
        if (focus instanceof Slider) {
            return code.isArrowKey();
        }
        if (focus != null && focus.getStyleClass().contains("token-chip")) {
            return code == KeyCode.ENTER || code == KeyCode.SPACE;
        }
        return focus instanceof ButtonBase && code == KeyCode.SPACE;
    }

    /**
     * Guess mode: Ctrl+G on/off; while a round is on, Ctrl+Enter reveals and Ctrl+→ moves on, also
     * while a guess is being typed (elsewhere Ctrl+→ keeps its word jump in text fields).
     */
    private static boolean guessCommand(KeyEvent e, LabTab a) {
        if (GUESS.match(e)) {
            a.toggleGuess();
        } else if (a.guessing() && REVEAL.match(e)) {
            a.reveal();
        } else if (a.guessing() && NEXT.match(e)) {
            a.next();
        } else {
            return false;
        }
        return true;
    }

    static boolean handle(KeyEvent e, LabTab a, Runnable togglePresentation, Node focus) {
        if (RESET.match(e)) {
            a.reset();
            goHome(a, focus);
            return true;
        }
        if (PRESENT.match(e) || e.getCode() == KeyCode.F11) {
            togglePresentation.run();
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
        if (guessCommand(e, a)) {
            return true;
        }
        if (e.getCode() == KeyCode.ENTER && focus instanceof TextField) {
            // the field commits its value first, then the keys belong to the tab again
            javafx.application.Platform.runLater(() -> goHome(a, focus));
            return false;
        }
        if (focus instanceof TextInputControl
                || e.isShortcutDown()
                || e.isAltDown()
                || ownsKey(focus, e.getCode())) {
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
