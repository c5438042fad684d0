package dev.samplinglab.app.common;

import javafx.scene.Node;

/**
 * One tab of the window: its content and the keyboard commands it answers. A tab overrides the
 * commands it has; the others do nothing, so a key never reaches a tab that did not ask for it.
 */
public interface LabTab {
    /** The tab's content. */
    Node node();

    /** Step (→ or Space). */
    default void step() {}

    /** Back (← or Backspace). */
    default void back() {}

    /** Run / pause (Enter). */
    default void toggleRun() {}

    /** Reset to the prompt (Ctrl+R). */
    default void reset() {}

    /** Export the charts as PNG (Ctrl+E). */
    default void exportPng() {}

    /** Export as CSV (Ctrl+Shift+E). */
    default void exportCsv() {}

    /** Export as JSON (Ctrl+J). */
    default void exportJson() {}

    /** Open the branch menu (Ctrl+B). */
    default void openBranchMenu() {}

    /** Guess mode on or off (Ctrl+G). */
    default void toggleGuess() {}

    /** Whether a guessing round is on (then Ctrl+Enter and Ctrl+→ are its commands). */
    default boolean guessing() {
        return false;
    }

    /** Reveal the guesses (Ctrl+Enter). */
    default void reveal() {}

    /** Next step of a guessing round (Ctrl+→). */
    default void next() {}

    /**
     * The node that should hold the focus after a command typed in a text field (Ctrl+R, Enter), so
     * the arrow keys step again instead of moving a text cursor; null keeps the focus.
     */
    default Node keyHome() {
        return null;
    }

    /** Stops the tab's background work when the window closes. */
    default void shutdown() {}
}
