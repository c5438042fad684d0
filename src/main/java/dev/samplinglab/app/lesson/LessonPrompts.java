package dev.samplinglab.app.lesson;

import java.nio.file.Path;

/** The dialogs of lesson files; the FX implementation shows real ones, tests answer directly. */
public interface LessonPrompts {

    /** What to do when the lesson's model is not on this computer. */
    enum MissingModelChoice {
        OPEN_FOLDER,
        GET_MODEL,
        CANCEL
    }

    /** Asks for a lesson file to open; null when cancelled. */
    Path chooseLessonToOpen();

    /**
     * Asks for a file to save the lesson to (replacing one is confirmed here); null when cancelled.
     */
    Path chooseLessonToSave(String suggestedName);

    /** The model is missing: open a folder, get it from the hub, or cancel. */
    MissingModelChoice modelMissing(String message);

    /** Asks for the model folder to replay on; null when cancelled. */
    Path chooseModelFolder();

    /** The model differs (both hashes in the message): replay anyway? */
    boolean replayOnOtherModel(String message);

    /** Shows a lesson that could not be opened or saved. */
    void error(String title, String message);
}
