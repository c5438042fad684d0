package dev.samplinglab.engine.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Training progress on stderr: step, bar, loss (smoothed), learning rate, tokens/s and ETA. On a
 * terminal it redraws one line; otherwise (a log file) it prints a line every {@code logEvery}
 * steps.
 */
final class ProgressBar {
    private static final int WIDTH = 24;

    private final PrintStream out;
    private final boolean terminal;
    private final int logEvery;
    private final int totalSteps;
    private final long tokensPerStep;
    private final long startNanos = System.nanoTime();
    private final int firstStep;
    private double smoothLoss = Double.NaN;

    ProgressBar(PrintStream out, int firstStep, int totalSteps, long tokensPerStep, int logEvery) {
        this.out = out;
        this.terminal = System.console() != null;
        this.firstStep = firstStep;
        this.totalSteps = totalSteps;
        this.tokensPerStep = tokensPerStep;
        this.logEvery = Math.max(1, logEvery);
    }

    /** Seconds since this bar started. */
    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Tokens per second since this bar started. */
    double tokensPerSecond(int stepsDone) {
        return (stepsDone - firstStep) * tokensPerStep / Math.max(1e-9, elapsedSeconds());
    }

    void update(ModelTrainer.StepResult r) {
        smoothLoss = Double.isNaN(smoothLoss) ? r.loss() : 0.9 * smoothLoss + 0.1 * r.loss();
        int done = r.step() + 1;
        if (!terminal && done % logEvery != 0 && done != totalSteps) {
            return;
        }
        double perStep = elapsedSeconds() / Math.max(1, done - firstStep);
        long eta = Math.round(perStep * (totalSteps - done));
        int filled = (int) ((long) WIDTH * done / totalSteps);
        String line =
                String.format(
                        Locale.ROOT,
                        "step %d/%d [%s%s] loss %.4f lr %.2e |g| %.2f %.0f tok/s ETA %d:%02d:%02d",
                        done,
                        totalSteps,
                        "=".repeat(filled),
                        " ".repeat(WIDTH - filled),
                        smoothLoss,
                        r.lr(),
                        r.gradNorm(),
                        tokensPerSecond(done),
                        eta / 3600,
                        eta / 60 % 60,
                        eta % 60);
        out.print(terminal ? "\r" + line : line + "\n");
        out.flush();
    }

    /** A full line (eval, checkpoint) that does not get overwritten by the bar. */
    void note(String message) {
        out.print(terminal ? "\r" + message + "\n" : message + "\n");
        out.flush();
    }
}
