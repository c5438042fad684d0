package dev.samplinglab.app.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.common.FakeModel;
import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.app.common.TabId;
import dev.samplinglab.app.compare.CompareViewModel;
import dev.samplinglab.app.io.SettingsStore;
import dev.samplinglab.app.step.StepViewModel;
import dev.samplinglab.engine.generate.BundledModels;
import dev.samplinglab.engine.lesson.LessonJson;
import dev.samplinglab.engine.sampling.Preset;
import dev.samplinglab.engine.sampling.TraceJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lesson files without the toolkit: the step window on fake sessions, every executor inline, the
 * dialogs answered by the test. The model reference is the real bundled model's (its hash).
 */
class LessonViewModelTest {
    private final RecordingLessonPrompts prompts = new RecordingLessonPrompts();
    private final List<String> stepErrors = new ArrayList<>();
    private final List<TabId> shown = new ArrayList<>();
    private StepViewModel vm;
    private LessonViewModel lessons;

    @TempDir Path dir;

    @BeforeEach
    void setUp() {
        vm =
                new StepViewModel(
                        SessionRecorder.wrap(FakeModel.opener()),
                        Runnable::run,
                        Runnable::run,
                        (period, tick) -> () -> {},
                        SettingsStore.defaultStrategy());
        vm.onErrorProperty().set(stepErrors::add);
        vm.promptProperty().set("The cat");
        vm.seedProperty().set(7);
        LessonHost host =
                new LessonHost() {
                    @Override
                    public StepViewModel step() {
                        return vm;
                    }

                    @Override
                    public Optional<CompareViewModel> openedCompare() {
                        return Optional.empty();
                    }

                    @Override
                    public CompareViewModel compare() {
                        throw new AssertionError("no compare tab in these lessons");
                    }

                    @Override
                    public TabId shownTab() {
                        return TabId.STEP;
                    }

                    @Override
                    public void show(TabId id) {
                        shown.add(id);
                    }
                };
        lessons =
                new LessonViewModel(
                        host, Runnable::run, Runnable::run, prompts, new RecentLessons(dir));
        vm.loadModel("bundled");
    }

    /** Five steps, a strategy change, a branch at step 2 and two more steps; step 1 shown. */
    private void playASession() {
        vm.step();
        vm.step();
        vm.strategy().apply(Preset.CREATIVE.settings());
        vm.step();
        vm.branch(2, 9);
        vm.step();
        vm.step();
        vm.select(1);
    }

    private List<String> traces() {
        return vm.history().stream().map(r -> TraceJson.toLine(r.trace())).toList();
    }

    private Path saved() {
        playASession();
        Path file = dir.resolve("cat.lesson.json");
        lessons.save(file);
        assertThat(prompts.errors).isEmpty();
        assertThat(lessons.statusProperty().get())
                .startsWith("Saved lesson cat.lesson.json: 5 steps");
        return file;
    }

    /** Another session in the window, to see that opening replaces it (or, on failure, not). */
    private void startOver() {
        vm.strategy().apply(Preset.GREEDY.settings());
        vm.promptProperty().set("A dog");
        vm.seedProperty().set(99);
        vm.reset();
        vm.step();
    }

    @Test
    void saveThenOpenReplaysEveryStepForcedTokensAndSettingsIncluded() throws Exception {
        Path file = saved();
        List<String> before = traces();
        List<Boolean> forced = vm.history().stream().map(StepResult::forced).toList();
        startOver();
        lessons.open(file);
        assertThat(prompts.errors).isEmpty();
        assertThat(stepErrors).isEmpty();
        assertThat(traces()).isEqualTo(before);
        assertThat(vm.history().stream().map(StepResult::forced).toList())
                .isEqualTo(forced)
                .containsExactly(false, false, true, false, false);
        assertThat(vm.promptProperty().get()).isEqualTo("The cat");
        assertThat(vm.seedProperty().get()).isEqualTo(7);
        assertThat(vm.strategy().settings()).isEqualTo(Preset.CREATIVE.settings());
        assertThat(vm.selectedProperty().get()).isEqualTo(1);
        assertThat(shown).containsExactly(TabId.STEP);
        assertThat(lessons.recentLessons()).containsExactly(file.toAbsolutePath());
        assertThat(lessons.statusProperty().get()).startsWith("Opened cat.lesson.json: 5 steps");
    }

    @Test
    void aDifferentModelShowsBothHashesAndReplaysAnywayOnRequest() throws Exception {
        Path file = saved();
        String text = Files.readString(file);
        String real = sha256Of(text);
        String other = "0".repeat(64);
        Files.writeString(file, text.replace(real, other));
        List<String> before = traces();
        startOver();
        List<String> otherSession = traces();

        prompts.replayAnyway = false;
        lessons.open(file);
        assertThat(prompts.differs).singleElement().asString().contains(real, other, "bundled");
        assertThat(traces()).isEqualTo(otherSession);
        assertThat(lessons.statusProperty().get()).startsWith("Not opened");

        prompts.replayAnyway = true;
        lessons.open(file);
        assertThat(prompts.differs).hasSize(2);
        // the fake model is the same under both hashes, so the replay matches
        assertThat(traces()).isEqualTo(before);
        assertThat(lessons.statusProperty().get()).contains("not the lesson's model");
        assertThat(prompts.errors).isEmpty();
    }

    private static String sha256Of(String lessonText) {
        int at = lessonText.indexOf("\"sha256\": \"") + 11;
        return lessonText.substring(at, at + 64);
    }

    @Test
    void aMissingModelOffersItsFolderAndCancelChangesNothing() throws Exception {
        Path file = saved();
        Path gone = dir.resolve("gone-model");
        Files.writeString(
                file,
                Files.readString(file)
                        .replace("\"spec\": \"bundled\"", "\"spec\": \"" + gone + "\""));
        startOver();
        List<String> otherSession = traces();

        lessons.open(file);
        assertThat(prompts.missing)
                .singleElement()
                .asString()
                .contains(gone.toString(), "not on this computer");
        assertThat(traces()).isEqualTo(otherSession);

        // a copy of the model in another folder: the same hashes, so it replays exactly
        Path copy = Files.createDirectories(dir.resolve("copy"));
        Files.copy(
                BundledModels.defaultModelDir().resolve("model.safetensors"),
                copy.resolve("model.safetensors"));
        prompts.missingAnswer = LessonPrompts.MissingModelChoice.OPEN_FOLDER;
        prompts.folders.add(copy);
        lessons.open(file);
        assertThat(prompts.differs).isEmpty();
        assertThat(vm.modelSpecProperty().get()).isEqualTo(copy.toString());
        assertThat(vm.history()).hasSize(5);
        assertThat(prompts.errors).isEmpty();
    }

    @Test
    void getAModelHandsTheSpecToTheHubDialog() throws Exception {
        Path file = saved();
        Files.writeString(
                file,
                Files.readString(file)
                        .replace("\"spec\": \"bundled\"", "\"spec\": \"SomeOrg/some-model\""));
        List<String> asked = new ArrayList<>();
        lessons.setOnGetModel(asked::add);
        prompts.missingAnswer = LessonPrompts.MissingModelChoice.GET_MODEL;
        lessons.open(file);
        assertThat(asked).containsExactly("SomeOrg/some-model");
        assertThat(lessons.statusProperty().get()).contains("then open the lesson again");
    }

    /** A broken lesson: its one-line message, and the window as it was. */
    static Stream<Arguments> brokenLessons() {
        return Stream.of(
                Arguments.of(
                        "damaged",
                        (UnaryOperator<String>)
                                t -> t.replace("\"seed\": 7", "\"seed\": \"seven\""),
                        "key 'seed' must be an integer"),
                Arguments.of(
                        "truncated",
                        (UnaryOperator<String>) t -> t.substring(0, t.length() * 2 / 3),
                        "is truncated"),
                Arguments.of(
                        "newer version",
                        (UnaryOperator<String>) t -> t.replace("\"version\": 1", "\"version\": 2"),
                        "written by a newer Sampling Lab"),
                Arguments.of(
                        "unknown tab",
                        (UnaryOperator<String>)
                                t -> t.replace("\"view\": \"step\"", "\"view\": \"guess\""),
                        "names no tab of this app"),
                Arguments.of(
                        "a chat prompt on a model without a chat template",
                        (UnaryOperator<String>)
                                t -> t.replace("\"mode\": \"plain\"", "\"mode\": \"chat\""),
                        "no chat template"),
                Arguments.of(
                        "a token the model does not draw",
                        (UnaryOperator<String>)
                                t -> t.replaceFirst("\"token\": \\d+", "\"token\": 11"),
                        "step 1 drew"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenLessons")
    void aBrokenLessonSaysWhyAndLeavesTheWindowAsItWas(
            String why, UnaryOperator<String> breakIt, String words) throws Exception {
        Path file = saved();
        Files.writeString(file, breakIt.apply(Files.readString(file)));
        startOver();
        List<String> otherSession = traces();
        String spec = vm.modelSpecProperty().get();
        lessons.open(file);
        List<String> messages = new ArrayList<>(prompts.errors);
        messages.addAll(stepErrors);
        assertThat(messages).singleElement().asString().contains(words).doesNotContain("\n");
        assertThat(traces()).isEqualTo(otherSession);
        assertThat(vm.promptProperty().get()).isEqualTo("A dog");
        assertThat(vm.modelSpecProperty().get()).isEqualTo(spec);
        assertThat(lessons.busyProperty().get()).isFalse();
        assertThat(lessons.statusProperty().get())
                .doesNotStartWith("Opened")
                .doesNotStartWith("Replaying");
    }

    @Test
    void aWriteFailureIsAMessageAndTheSessionStays() throws Exception {
        playASession();
        List<String> before = traces();
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        lessons.save(notAFolder.resolve("a.lesson.json"));
        assertThat(prompts.errors)
                .singleElement()
                .asString()
                .contains("Could not write", "Nothing is lost");
        assertThat(traces()).isEqualTo(before);
        assertThat(lessons.busyProperty().get()).isFalse();
    }

    @Test
    void namesWithoutJsonGetTheLessonExtension() {
        assertThat(LessonViewModel.withExtension(Path.of("/t/romeo")))
                .isEqualTo(Path.of("/t/romeo.lesson.json"));
        assertThat(LessonViewModel.withExtension(Path.of("/t/a.json")))
                .isEqualTo(Path.of("/t/a.json"));
        assertThat(LessonJson.EXTENSION).isEqualTo("lesson.json");
    }
}
