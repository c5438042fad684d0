package dev.samplinglab.app.common;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Dialog answers given by the test; errors, questions and saved files are recorded. */
public final class RecordingPrompts implements UserPrompts {
    public final List<String> errors = new ArrayList<>();
    public final List<Path> overwriteQuestions = new ArrayList<>();
    public final Deque<Path> files = new ArrayDeque<>();
    public final Deque<Path> folders = new ArrayDeque<>();
    public final List<Path> saved = new ArrayList<>();
    public boolean allowOverwrite;

    @Override
    public void error(String title, String message) {
        errors.add(message);
    }

    @Override
    public boolean confirmOverwrite(Path file) {
        overwriteQuestions.add(file);
        return allowOverwrite;
    }

    @Override
    public Path chooseSaveFile(String title, String extension, String suggestedName) {
        return files.poll();
    }

    @Override
    public void saved(Path file) {
        saved.add(file);
    }

    @Override
    public Path chooseFolder(String title) {
        return folders.poll();
    }
}
