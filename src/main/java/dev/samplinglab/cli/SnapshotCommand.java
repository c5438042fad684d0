package dev.samplinglab.cli;

import dev.samplinglab.app.capture.GuessCapture;
import dev.samplinglab.app.capture.WindowCapture;
import dev.samplinglab.app.common.TabId;
import dev.samplinglab.engine.BadInputException;
import dev.samplinglab.engine.generate.ModelSpec;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Opens the step window, takes N steps, writes a PNG of the whole window and exits. */
@Command(
        name = "snapshot",
        mixinStandardHelpOptions = true,
        description =
                "Open the window, take N steps on the bundled model (seed 0), write a PNG of the"
                        + " whole window and exit. Needs a display (e.g. xvfb-run).")
public final class SnapshotCommand implements Callable<Integer> {
    @Option(
            names = "--prompt",
            description = "prompt (default: ${DEFAULT-VALUE})",
            defaultValue = "ROMEO:")
    String prompt;

    @Option(
            names = "--steps",
            description = "steps to take (default: ${DEFAULT-VALUE})",
            defaultValue = "12")
    int steps;

    @Option(names = "--out", required = true, description = "PNG file to write")
    Path out;

    @Option(names = "--width", defaultValue = "1600", description = "window width (default: 1600)")
    int width;

    @Option(
            names = "--height",
            defaultValue = "1000",
            description = "window height (default: 1000)")
    int height;

    @Option(names = "--presentation", description = "presentation mode (large type)")
    boolean presentation;

    @Option(
            names = "--model",
            defaultValue = "bundled",
            description =
                    "model: bundled[:NAME], random:NAME or a folder"
                            + " (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--seed", defaultValue = "0", description = "coin seed (default: 0)")
    long seed;

    @Option(
            names = "--view",
            defaultValue = "step",
            description =
                    "tab to capture: step, compare, cache or playground (default: ${DEFAULT-VALUE})")
    String view;

    @Option(
            names = "--beams",
            defaultValue = "0",
            description = "beam search with N beams in the step window, 2..16 (default: sampling)")
    int beams;

    @Option(
            names = "--guess",
            defaultValue = "",
            description =
                    "play a guessing round after the steps: steps separated by ';', each"
                            + " 'Player=guess,Player=guess' (e.g. 'Ada=you,Bo=the;Ada=and,Bo=I')")
    String guess;

    @Override
    public Integer call() throws Exception {
        if (beams != 0 && (beams < 2 || beams > 16)) {
            throw new BadInputException(
                    "--beams must be from 2 to 16 (the beam view's range), not " + beams);
        }
        if (steps < 0 || steps > 1000) {
            throw new BadInputException("--steps must be between 0 and 1000 (got " + steps + ")");
        }
        if (width < 900 || height < 600 || width > 8000 || height > 8000) {
            throw new BadInputException(
                    "--width and --height must be at least 900 x 600 and at most 8000");
        }
        TabId tab =
                TabId.find(view)
                        .orElseThrow(
                                () ->
                                        new BadInputException(
                                                "--view must be %s (got %s)"
                                                        .formatted(TabId.choices(), view)));
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new BadInputException("--out must name a .png file (got " + out + ")");
        }
        ModelSpec.parse(model);
        if (!guess.isEmpty()) {
            GuessCapture.parse(guess);
        }
        WindowCapture.Result r =
                WindowCapture.take(
                        new WindowCapture.Request(
                                model,
                                prompt,
                                seed,
                                steps,
                                out,
                                width,
                                height,
                                presentation,
                                tab,
                                beams,
                                guess));
        System.err.printf(
                Locale.ROOT,
                "wrote %s; model ready after %d ms; step to charts drawn: p50 %.1f ms, p95 %.1f ms"
                        + " over %d steps (model step p50 %.1f ms, FX-thread CPU p95 %.1f ms)%n",
                r.file(),
                r.loadMillis(),
                r.stepP50Millis(),
                r.stepP95Millis(),
                r.samples(),
                r.modelP50Millis(),
                r.fxCpuP95Millis());
        return 0;
    }
}
