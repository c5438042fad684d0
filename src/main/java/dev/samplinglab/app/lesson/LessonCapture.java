package dev.samplinglab.app.lesson;

import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.app.common.StepSource;
import dev.samplinglab.app.compare.CompareColumn;
import dev.samplinglab.app.compare.CompareViewModel;
import dev.samplinglab.app.step.StepViewModel;
import dev.samplinglab.engine.lesson.CompareLesson;
import dev.samplinglab.engine.lesson.Lesson;
import dev.samplinglab.engine.lesson.LessonStep;
import dev.samplinglab.engine.lesson.ModelReference;
import dev.samplinglab.engine.sampling.SamplingSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * What a lesson is made of, read from the window in two parts: the UI state on the UI thread
 * ({@link #of}), the steps with their strategies on the model worker ({@link #steps}); the model
 * reference (hashing) is added last, on the lesson thread.
 *
 * @param spec the model spec of the step window
 * @param view the key of the tab shown
 */
record LessonCapture(
        String spec,
        dev.samplinglab.engine.chat.Prompt prompt,
        long seed,
        SamplingSettings strategy,
        int selected,
        int topN,
        CompareLesson compare,
        String view) {

    /** The UI part, on the UI thread. */
    static LessonCapture of(LessonHost host) {
        StepViewModel vm = host.step();
        return new LessonCapture(
                vm.modelSpecProperty().get(),
                vm.currentPrompt(),
                vm.seedProperty().get(),
                vm.strategy().lastValid(),
                vm.selectedProperty().get(),
                vm.topNProperty().get(),
                host.openedCompare().map(LessonCapture::compare).orElse(null),
                host.shownTab().key());
    }

    private static CompareLesson compare(CompareViewModel c) {
        List<SamplingSettings> columns = new ArrayList<>();
        for (CompareColumn column : c.columns()) {
            columns.add(column.strategy().lastValid());
        }
        CompareLesson.BeamColumnLesson beam =
                c.beam().enabledProperty().get()
                        ? new CompareLesson.BeamColumnLesson(
                                c.beam().numBeamsProperty().get(),
                                c.beam().lengthPenaltyProperty().get())
                        : null;
        return new CompareLesson(
                c.commonRandomNumbersProperty().get(), columns, c.stepsProperty().get(), beam);
    }

    /** The step window's steps with their strategies, on the model worker. */
    static List<LessonStep> steps(StepSource session) {
        List<StepResult> history = session.history();
        List<SamplingSettings> strategies = SessionRecorder.strategies(session);
        List<LessonStep> steps = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            StepResult r = history.get(i);
            steps.add(new LessonStep(r.tokenId(), r.piece(), r.forced(), strategies.get(i)));
        }
        return steps;
    }

    /** The lesson, once the steps and the model's hashes are known. */
    Lesson lesson(List<LessonStep> steps, ModelReference model) {
        int shown = Math.min(selected, steps.size() - 1);
        return new Lesson(
                Lesson.CURRENT_VERSION,
                model,
                prompt,
                seed,
                strategy,
                steps,
                shown,
                topN,
                compare,
                view);
    }
}
