package dev.samplinglab.app.common;

import java.nio.file.Path;

/**
 * The dialogs the window needs; the FX implementation shows real dialogs, tests answer directly.
 */
public interface UserPrompts {

    /** Shows an error message. */
    void error(String title, String message);

    /**
     * Asks whether an existing file may be replaced (only for a file the chooser did not confirm,
     * such as the chosen name with an extension added).
     */
    boolean confirmOverwrite(Path file);

    /** Asks for a file to save to; null when cancelled. Replacing a file is confirmed here. */
    Path chooseSaveFile(String title, String extension, String suggestedName);

    /** Asks for a model folder; null when cancelled. */
    Path chooseFolder(String title);

    /** Confirms that a file was saved (without stopping the user); nothing by default. */
    default void saved(Path file) {}
}
