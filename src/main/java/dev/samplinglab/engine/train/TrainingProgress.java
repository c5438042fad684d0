package dev.samplinglab.engine.train;

import dev.samplinglab.engine.io.ProgressLine;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Training progress on a {@link ProgressLine}: step, loss (smoothed), learning rate, gradient norm,
 * tokens/s and ETA.
 */
final class TrainingProgress {
    private final ProgressLine line;
    private final int totalSteps;
    private final long tokensPerStep;
    private final int firstStep;
    private double smoothLoss = Double.NaN;

    TrainingProgress(PrintStream out, int firstStep, int totalSteps, long tokensPerStep) {
        this.line = new ProgressLine(out);
        this.firstStep = firstStep;
        this.totalSteps = totalSteps;
        this.tokensPerStep = tokensPerStep;
    }

    /** Seconds since training (this run) started. */
    double elapsedSeconds() {
        return line.elapsedSeconds();
    }

    /** Tokens per second since this run started. */
    double tokensPerSecond(int stepsDone) {
        return (stepsDone - firstStep) * tokensPerStep / Math.max(1e-9, elapsedSeconds());
    }

    void update(ModelTrainer.StepResult r) {
        smoothLoss = Double.isNaN(smoothLoss) ? r.loss() : 0.9 * smoothLoss + 0.1 * r.loss();
        int done = r.step() + 1;
        double perStep = elapsedSeconds() / Math.max(1, done - firstStep);
        long eta = Math.round(perStep * (totalSteps - done));
        line.update(
                "train",
                (double) done / totalSteps,
                String.format(
                        Locale.ROOT,
                        "step %d/%d loss %.4f lr %.2e |g| %.2f %.0f tok/s ETA %s",
                        done,
                        totalSteps,
                        smoothLoss,
                        r.lr(),
                        r.gradNorm(),
                        tokensPerSecond(done),
                        ProgressLine.clock(eta)));
    }

    /** A full line (eval, checkpoint) that does not get overwritten by the bar. */
    void note(String message) {
        line.note(message);
    }
}
