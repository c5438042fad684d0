package dev.samplinglab.app.lesson;

import dev.samplinglab.engine.BadInputException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The app's command line: {@code --lesson FILE} (or {@code --lesson=FILE}) opens a lesson. */
public final class LessonArgs {
    static final String FLAG = "--lesson";

    private LessonArgs() {}

    /** Whether {@code args} start the app with a lesson rather than run a CLI command. */
    public static boolean opensApp(String... args) {
        return args.length > 0 && (args[0].equals(FLAG) || args[0].startsWith(FLAG + "="));
    }

    /**
     * The lesson to open, if any.
     *
     * @throws BadInputException for {@code --lesson} without a file, or anything else
     */
    public static Optional<Path> lesson(List<String> args) {
        if (args.isEmpty()) {
            return Optional.empty();
        }
        String first = args.get(0);
        String file;
        if (first.startsWith(FLAG + "=") && args.size() == 1) {
            file = first.substring(FLAG.length() + 1);
        } else if (first.equals(FLAG) && args.size() <= 2) {
            file = args.size() == 2 ? args.get(1) : "";
        } else {
            throw new BadInputException(
                    "the app takes only --lesson FILE (got %s); other commands: sampling-lab --help"
                            .formatted(String.join(" ", args)));
        }
        if (file.isBlank()) {
            throw new BadInputException(
                    "--lesson needs a file: sampling-lab --lesson FILE.lesson.json");
        }
        try {
            return Optional.of(Path.of(file));
        } catch (InvalidPathException e) {
            throw new BadInputException("--lesson: '%s' is not a valid path".formatted(file));
        }
    }
}
