package dev.samplinglab.app.capture;

import dev.samplinglab.app.MainWindow;
import dev.samplinglab.app.guess.GuessViewModel;
import dev.samplinglab.app.guess.PlayerRow;
import dev.samplinglab.engine.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;

/**
 * Plays a guessing round for the {@code snapshot} command: the step window in guess mode, one
 * player per name, each step's guesses typed and revealed in turn; the picture is taken once the
 * last step is revealed and drawn. The script is steps separated by ';', each a comma-separated
 * list of {@code Player=guess}: {@code "Ada=you,Bo=the;Ada=and,Bo=I"}.
 */
public final class GuessCapture {
    private GuessCapture() {}

    /**
     * The steps of a script, each player's guess by name (in the order they first appear).
     *
     * @throws BadInputException naming the part that is not {@code Player=guess}
     */
    public static List<Map<String, String>> parse(String script) {
        List<Map<String, String>> steps = new ArrayList<>();
        for (String step : script.split(";")) {
            Map<String, String> guesses = new LinkedHashMap<>();
            for (String part : step.split(",")) {
                int eq = part.indexOf('=');
                if (eq <= 0 || part.substring(0, eq).isBlank()) {
                    throw new BadInputException(
                            "--guess: '%s' is not Player=guess (steps separated by ';', players by ',')"
                                    .formatted(part));
                }
                guesses.put(part.substring(0, eq).strip(), part.substring(eq + 1));
            }
            steps.add(guesses);
        }
        return steps;
    }

    /** Plays {@code script} in {@code window}'s step window, then runs {@code capture}. */
    static void play(MainWindow window, String script, Runnable capture) {
        List<Map<String, String>> steps = parse(script);
        GuessViewModel round = window.view().guess().viewModel();
        round.roundLengthProperty().set(Math.max(GuessViewModel.DEFAULT_ROUND, steps.size() + 2));
        round.activeProperty().set(true);
        List.copyOf(round.players()).forEach(round::removePlayer);
        Map<String, PlayerRow> rows = new LinkedHashMap<>();
        steps.forEach(s -> s.keySet().forEach(n -> rows.computeIfAbsent(n, round::addPlayer)));
        int[] next = {0};
        ChangeListener<String> drawn =
                (obs, o, n) -> {
                    if (n.isEmpty() || n.startsWith("drawing")) {
                        return;
                    }
                    if (++next[0] < steps.size()) {
                        round.next();
                        Platform.runLater(() -> reveal(round, rows, steps.get(next[0])));
                    } else {
                        Platform.runLater(() -> Platform.runLater(capture));
                    }
                };
        round.drawnProperty().addListener(drawn);
        reveal(round, rows, steps.get(0));
    }

    private static void reveal(
            GuessViewModel round, Map<String, PlayerRow> rows, Map<String, String> guesses) {
        rows.forEach((name, row) -> row.guessProperty().set(guesses.getOrDefault(name, "")));
        round.reveal();
    }
}
