package dev.samplinglab.app.lesson;

import dev.samplinglab.app.common.StepSource;
import dev.samplinglab.app.common.TabId;
import dev.samplinglab.app.common.UserMessage;
import dev.samplinglab.app.step.StepViewModel;
import dev.samplinglab.app.widgets.Scales;
import dev.samplinglab.engine.chat.Prompt;
import dev.samplinglab.engine.lesson.CompareLesson;
import dev.samplinglab.engine.lesson.Lesson;
import dev.samplinglab.engine.lesson.LessonException;
import dev.samplinglab.engine.lesson.LessonJson;
import dev.samplinglab.engine.lesson.LessonStep;
import dev.samplinglab.engine.lesson.ModelFingerprint;
import dev.samplinglab.engine.lesson.ModelMatch;
import dev.samplinglab.engine.lesson.ModelReference;
import dev.samplinglab.engine.sampling.SamplingSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Saving and opening lesson files ({@code File ▸ Save lesson…}, {@code Open lesson…}, {@code
 * --lesson}). Saving reads the session on the model worker, then hashes the weights and writes the
 * file atomically on the lesson thread. Opening reads and validates the whole file and checks the
 * model there, asks what to do when the model is missing or differs, then has the step window
 * replay it (on its worker, swapped in only when every step replayed) and restores the strategy,
 * the compare tab, the selected step and the tab. The UI thread never waits on any of it.
 */
public final class LessonViewModel {
    private final LessonHost host;
    private final Executor io;
    private final Executor ui;
    private final LessonPrompts prompts;
    private final RecentLessons recent;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private Consumer<String> onGetModel = spec -> {};

    /**
     * @param host the window's step and compare tabs
     * @param io the lesson thread: reading, hashing and writing files
     * @param ui hops to the UI thread
     * @param prompts the dialogs
     * @param recent the recent lessons list
     */
    public LessonViewModel(
            LessonHost host,
            Executor io,
            Executor ui,
            LessonPrompts prompts,
            RecentLessons recent) {
        this.host = host;
        this.io = io;
        this.ui = ui;
        this.prompts = prompts;
        this.recent = recent;
    }

    // ---- saving ---------------------------------------------------------------------------

    /** Asks for a file, then saves. */
    public void saveChosen() {
        Path file = prompts.chooseLessonToSave(suggestedName());
        if (file != null) {
            save(withExtension(file));
        }
    }

    /** Saves the window as a lesson to {@code file} (replacing it). */
    public void save(Path file) {
        if (busy.get()) {
            return;
        }
        LessonCapture capture = LessonCapture.of(host);
        if (capture.spec().isBlank() || host.step().loadingProperty().get()) {
            prompts.error("Save lesson", "The model is still loading; save once it is ready.");
            return;
        }
        start("Saving %s…".formatted(file.getFileName()));
        host.step()
                .readSession(
                        LessonViewModel::stepsOrNull,
                        steps -> {
                            if (steps == null) {
                                failed("Save lesson", "No model is loaded: nothing to save.");
                            } else {
                                io.execute(() -> write(file, capture, steps));
                            }
                        });
    }

    private static List<LessonStep> stepsOrNull(StepSource session) {
        return session == null ? null : LessonCapture.steps(session);
    }

    /** Lesson thread: hashes the weights and writes the file. */
    private void write(Path file, LessonCapture capture, List<LessonStep> steps) {
        try {
            ModelReference model = ModelFingerprint.of(capture.spec(), this::postProgress);
            Lesson lesson = capture.lesson(steps, model);
            LessonJson.save(file, lesson);
            remember(file);
            ui.execute(
                    () ->
                            done(
                                    "Saved lesson %s: %d steps on %s"
                                            .formatted(
                                                    file.getFileName(),
                                                    steps.size(),
                                                    model.spec())));
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            ui.execute(
                    () ->
                            failed(
                                    "Save lesson",
                                    "Could not write %s (%s). Nothing is lost: the session is still open; save the lesson to another folder."
                                            .formatted(file, reason)));
        } catch (RuntimeException e) {
            String message = UserMessage.of(e);
            ui.execute(() -> failed("Save lesson", message));
        }
    }

    private String suggestedName() {
        String words =
                host.step()
                        .promptProperty()
                        .get()
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9]+", "-")
                        .replaceAll("^-+|-+$", "");
        words = words.length() > 30 ? words.substring(0, 30) : words;
        return (words.isEmpty() ? "lesson" : words) + "." + LessonJson.EXTENSION;
    }

    /** Adds {@code .lesson.json} to a name that has no {@code .json}. */
    static Path withExtension(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".json")
                ? file
                : file.resolveSibling(name + "." + LessonJson.EXTENSION);
    }

    // ---- opening --------------------------------------------------------------------------

    /** Asks for a lesson file, then opens it. */
    public void openChosen() {
        Path file = prompts.chooseLessonToOpen();
        if (file != null) {
            open(file);
        }
    }

    /** Opens {@code file}: reads and checks it, then replays it (asking first when needed). */
    public void open(Path file) {
        if (busy.get()) {
            return;
        }
        start("Opening %s…".formatted(file.getFileName()));
        io.execute(() -> read(file));
    }

    /** Lesson thread: reads the whole file and checks the model before anything changes. */
    private void read(Path file) {
        try {
            Lesson lesson = LessonJson.load(file);
            checkForThisApp(lesson, file);
            ModelMatch match = ModelMatch.check(lesson.model(), this::postProgress);
            ui.execute(() -> decide(file, lesson, match));
        } catch (LessonException e) {
            if (e.kind() == LessonException.Kind.UNREADABLE) {
                forget(file);
            }
            String message = e.getMessage();
            ui.execute(() -> failed("Open lesson", message));
        } catch (RuntimeException e) {
            String message = UserMessage.of(e);
            ui.execute(() -> failed("Open lesson", message));
        }
    }

    /** What the file format allows but this window does not show. */
    private static void checkForThisApp(Lesson lesson, Path file) {
        String name = String.valueOf(file.getFileName());
        if (TabId.find(lesson.view()).isEmpty()) {
            throw new LessonException(
                    LessonException.Kind.DAMAGED,
                    "%s: key 'view' names no tab of this app ('%s'); expected %s"
                            .formatted(name, lesson.view(), TabId.choices()));
        }
        if (lesson.topN() < Scales.SHOWN_MIN || lesson.topN() > Scales.SHOWN_MAX) {
            throw new LessonException(
                    LessonException.Kind.DAMAGED,
                    "%s: step_window: key 'top_n' must be an integer in %d..%d (got %d)"
                            .formatted(name, Scales.SHOWN_MIN, Scales.SHOWN_MAX, lesson.topN()));
        }
    }

    /** UI thread: replays, or asks first when the model is missing or differs. */
    private void decide(Path file, Lesson lesson, ModelMatch match) {
        switch (match.status()) {
            case SAME -> replay(file, lesson, true);
            case DIFFERS -> {
                if (prompts.replayOnOtherModel(match.message())) {
                    replay(file, lesson, false);
                } else {
                    done(
                            "Not opened: %s is not the lesson's model."
                                    .formatted(lesson.model().spec()));
                }
            }
            case MISSING -> missing(file, lesson, match);
        }
    }

    private void missing(Path file, Lesson lesson, ModelMatch match) {
        switch (prompts.modelMissing(match.message())) {
            case OPEN_FOLDER -> {
                Path dir = prompts.chooseModelFolder();
                if (dir == null) {
                    done("Not opened: the lesson's model is missing.");
                    return;
                }
                Lesson moved =
                        lesson.withModel(
                                new ModelReference(dir.toString(), lesson.model().weights()));
                status.set("Checking %s…".formatted(dir));
                io.execute(
                        () -> {
                            try {
                                ModelMatch again =
                                        ModelMatch.check(moved.model(), this::postProgress);
                                ui.execute(() -> decide(file, moved, again));
                            } catch (RuntimeException e) {
                                String message = UserMessage.of(e);
                                ui.execute(() -> failed("Open lesson", message));
                            }
                        });
            }
            case GET_MODEL -> {
                onGetModel.accept(lesson.model().spec());
                done(
                        "Get %s, then open the lesson again (File ▸ Recent lessons)."
                                .formatted(lesson.model().spec()));
                io.execute(() -> remember(file));
            }
            case CANCEL -> done("Not opened: the lesson's model is missing.");
        }
    }

    /** Has the step window replay the lesson; the rest is restored once that succeeded. */
    private void replay(Path file, Lesson lesson, boolean strict) {
        done("Replaying %d steps of %s…".formatted(lesson.steps().size(), file.getFileName()));
        reportIfNotApplied(file);
        host.step()
                .replay(
                        lesson.model().spec(),
                        lesson.prompt(),
                        lesson.seed(),
                        new LessonReplay(lesson.steps(), strict),
                        () -> applied(file, lesson, strict));
    }

    private void applied(Path file, Lesson lesson, boolean strict) {
        StepViewModel vm = host.step();
        Prompt p = lesson.prompt();
        vm.chatModeProperty().set(p.mode() == Prompt.Mode.CHAT);
        vm.systemProperty().set(p.system());
        vm.promptProperty().set(p.user());
        vm.seedProperty().set(lesson.seed());
        vm.topNProperty().set(lesson.topN());
        applyStrategy(vm, lesson.strategy());
        CompareLesson c = lesson.compare();
        if (c != null) {
            host.compare()
                    .restore(
                            c.columns(),
                            c.commonRandomNumbers(),
                            c.beam() == null ? null : c.beam().numBeams(),
                            c.beam() == null ? 1.0 : c.beam().lengthPenalty(),
                            c.steps());
        }
        vm.select(lesson.selectedStep());
        host.show(TabId.find(lesson.view()).orElse(TabId.STEP));
        io.execute(() -> remember(file));
        done(
                "Opened %s: %d steps replayed on %s%s"
                        .formatted(
                                file.getFileName(),
                                lesson.steps().size(),
                                lesson.model().spec(),
                                strict ? "" : " (not the lesson's model: tokens may differ)"));
    }

    /**
     * When the replay ends without being applied (it failed, or was cancelled), the status says so;
     * the step window has shown why and kept its session.
     */
    private void reportIfNotApplied(Path file) {
        String before = status.get();
        StepViewModel vm = host.step();
        javafx.beans.value.ChangeListener<Boolean> ended =
                new javafx.beans.value.ChangeListener<>() {
                    @Override
                    public void changed(
                            javafx.beans.value.ObservableValue<? extends Boolean> obs,
                            Boolean was,
                            Boolean now) {
                        if (now) {
                            return;
                        }
                        obs.removeListener(this);
                        // after the replay's own UI update, which applies a success
                        ui.execute(
                                () -> {
                                    if (status.get().equals(before)) {
                                        notOpened(file, vm.lastErrorProperty().get());
                                    }
                                });
                    }
                };
        vm.loadingProperty().addListener(ended);
    }

    private void notOpened(Path file, String why) {
        done(
                "Not opened: %s%s"
                        .formatted(file.getFileName(), why.isBlank() ? "" : " (" + why + ")"));
    }

    /** Sets the form only when it differs (a change recomputes the last step). */
    private static void applyStrategy(StepViewModel vm, SamplingSettings strategy) {
        SamplingSettings now;
        try {
            now = vm.strategy().settings();
        } catch (IllegalArgumentException invalid) {
            now = null;
        }
        if (!strategy.equals(now)) {
            vm.strategy().apply(strategy);
        }
    }

    // ---- plumbing -------------------------------------------------------------------------

    private void start(String what) {
        busy.set(true);
        progress.set(-1);
        status.set(what);
    }

    private void done(String what) {
        busy.set(false);
        progress.set(-1);
        status.set(what);
    }

    private void failed(String title, String message) {
        done(message);
        prompts.error(title, message);
    }

    private void postProgress(double p) {
        ui.execute(() -> progress.set(p));
    }

    /** Lesson thread: puts the file first in the recent list (a failure only loses the entry). */
    private void remember(Path file) {
        try {
            recent.add(file);
        } catch (IOException e) {
            System.err.println("could not update the recent lessons: " + e.getMessage());
        }
    }

    private void forget(Path file) {
        try {
            recent.remove(file);
        } catch (IOException e) {
            System.err.println("could not update the recent lessons: " + e.getMessage());
        }
    }

    /** What "Get a model…" does with the missing model's spec (the app opens the hub dialog). */
    public void setOnGetModel(Consumer<String> action) {
        this.onGetModel = action;
    }

    /** The recent lessons, newest first (reads the list file). */
    public List<Path> recentLessons() {
        return recent.list();
    }

    /** True while a lesson is read, checked, hashed or written. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Progress of hashing the weights in [0, 1], -1 when unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What happened last, one line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
