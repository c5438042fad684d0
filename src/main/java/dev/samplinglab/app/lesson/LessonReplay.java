package dev.samplinglab.app.lesson;

import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.app.common.StepSource;
import dev.samplinglab.app.step.StepViewModel;
import dev.samplinglab.engine.BadInputException;
import dev.samplinglab.engine.lesson.LessonStep;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.DoubleConsumer;

/**
 * Replays a lesson's steps on a fresh session: each step drawn with the strategy it was drawn with,
 * a forced token forced again at its step. Since the coin of step t depends only on the seed and t,
 * the same model gives the same tokens; {@code strict} checks that it does, step by step, and stops
 * at the first difference (then nothing of the replay is shown).
 */
final class LessonReplay implements StepViewModel.SessionScript {
    private final List<LessonStep> steps;
    private final boolean strict;

    LessonReplay(List<LessonStep> steps, boolean strict) {
        this.steps = List.copyOf(steps);
        this.strict = strict;
    }

    @Override
    public void play(StepSource session, DoubleConsumer progress) {
        for (int i = 0; i < steps.size(); i++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("the replay was cancelled");
            }
            LessonStep step = steps.get(i);
            StepResult r = session.step(step.settings());
            if (step.forced()) {
                force(session, i, step);
            } else if (strict && r.tokenId() != step.token()) {
                throw new BadInputException(
                        "step %d drew %s (token %d) where the lesson has %s (token %d): this model or this version of the app samples differently, so the lesson cannot be replayed exactly"
                                .formatted(
                                        i + 1,
                                        quoted(r.piece()),
                                        r.tokenId(),
                                        quoted(step.piece()),
                                        step.token()));
            }
            progress.accept((i + 1) / (double) steps.size());
        }
    }

    private static void force(StepSource session, int i, LessonStep step) {
        try {
            session.force(step.token(), step.settings());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(
                    "step %d forces token %d (%s), which this model does not have (%s)"
                            .formatted(i + 1, step.token(), quoted(step.piece()), e.getMessage()),
                    e);
        }
    }

    private static String quoted(String piece) {
        return "'%s'".formatted(piece.replace("\n", "\\n"));
    }
}
