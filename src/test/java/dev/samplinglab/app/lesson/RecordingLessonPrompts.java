package dev.samplinglab.app.lesson;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Lesson dialogs answered by the test; every message is recorded. */
final class RecordingLessonPrompts implements LessonPrompts {
    final List<String> errors = new ArrayList<>();
    final List<String> missing = new ArrayList<>();
    final List<String> differs = new ArrayList<>();
    final Deque<Path> files = new ArrayDeque<>();
    final Deque<Path> folders = new ArrayDeque<>();
    MissingModelChoice missingAnswer = MissingModelChoice.CANCEL;
    boolean replayAnyway;

    @Override
    public Path chooseLessonToOpen() {
        return files.poll();
    }

    @Override
    public Path chooseLessonToSave(String suggestedName) {
        return files.poll();
    }

    @Override
    public MissingModelChoice modelMissing(String message) {
        missing.add(message);
        return missingAnswer;
    }

    @Override
    public Path chooseModelFolder() {
        return folders.poll();
    }

    @Override
    public boolean replayOnOtherModel(String message) {
        differs.add(message);
        return replayAnyway;
    }

    @Override
    public void error(String title, String message) {
        errors.add(message);
    }
}
