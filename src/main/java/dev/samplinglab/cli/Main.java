package dev.samplinglab.cli;

import dev.samplinglab.app.lesson.LessonArgs;
import dev.samplinglab.engine.JvmDefaults;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the jar. With no arguments it opens the app; otherwise it runs a CLI command. This
 * class must not extend {@code javafx.application.Application} so the shaded jar starts.
 */
@Command(
        name = "sampling-lab",
        mixinStandardHelpOptions = true,
        version = "Sampling Lab 0.1.0",
        description = "See how a language model picks its next token.",
        subcommands = {
            GenerateCommand.class,
            BenchCommand.class,
            PipelineCommand.class,
            TrainCommand.class,
            EvalCommand.class,
            SnapshotCommand.class,
            DownloadCommand.class,
            ModelsCommand.class
        })
public final class Main {

    /** Exit code for bad input (message on stderr, no stack trace). */
    public static final int EXIT_BAD_INPUT = 2;

    /** Exit code for an internal error. */
    public static final int EXIT_INTERNAL = 1;

    public static void main(String[] args) {
        JvmDefaults.apply();
        if (args.length == 0 || LessonArgs.opensApp(args)) {
            dev.samplinglab.app.Launcher.main(args);
            return;
        }
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (used by tests). */
    public static int run(String... args) {
        JvmDefaults.apply();
        return new CommandLine(new Main())
                .setExecutionExceptionHandler(new ErrorHandler())
                .setParameterExceptionHandler(ErrorHandler::onParameterError)
                .execute(args);
    }
}
