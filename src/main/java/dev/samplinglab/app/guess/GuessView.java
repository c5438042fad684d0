package dev.samplinglab.app.guess;

import dev.samplinglab.app.guess.GuessViewModel.Phase;
import dev.samplinglab.app.widgets.Toolbar;
import dev.samplinglab.engine.classroom.GuessScore;
import dev.samplinglab.engine.classroom.Probabilities;
import dev.samplinglab.engine.classroom.Scoreboard;
import dev.samplinglab.engine.classroom.TokenOdds;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The guessing round in place of the charts: the text so far, one row per player (name, guess and,
 * once revealed, the score), Reveal / Next / New round on the left; the model's top 10 (hidden
 * until Reveal), the drawn token and the running scores on the right.
 */
public final class GuessView extends BorderPane {
    public static final String STYLESHEET = "/dev/samplinglab/app/guess.css";
    private final GuessViewModel vm;
    private final VBox rows = new VBox(6);
    private final VBox top = new VBox(2);
    private final GridPane scores = new GridPane();

    public GuessView(GuessViewModel vm) {
        this.vm = vm;
        setId("guess-view");
        getStyleClass().add("guess-view");
        getStylesheets().add(getClass().getResource(STYLESHEET).toExternalForm());
        setPadding(new Insets(8, 12, 8, 12));
        setTop(header());
        ScrollPane left = new ScrollPane(guesses());
        left.setFitToWidth(true);
        left.getStyleClass().add("guess-scroll");
        setCenter(left);
        setRight(sideColumn());
        vm.players().addListener((ListChangeListener<PlayerRow>) c -> showRows());
        vm.top().addListener((ListChangeListener<TokenOdds>) c -> showTop());
        vm.standings().addListener((ListChangeListener<Scoreboard.Entry>) c -> showScores());
        showRows();
        showTop();
        showScores();
    }

    private Node header() {
        Label title = new Label("Guess the next token");
        title.getStyleClass().add("section-title");
        Label round = new Label();
        round.setId("guess-round");
        round.textProperty()
                .bind(
                        Bindings.createStringBinding(
                                this::roundText,
                                vm.revealedProperty(),
                                vm.roundLengthProperty(),
                                vm.phaseProperty()));
        Spinner<Integer> length = new Spinner<>(1, 50, vm.roundLengthProperty().get());
        length.setId("guess-round-length");
        length.setPrefWidth(80);
        length.setEditable(true);
        length.valueProperty()
                .addListener((obs, o, n) -> vm.roundLengthProperty().set(n == null ? 1 : n));
        Label lengthLabel = new Label("steps a round");
        HBox line = new HBox(10, title, round, Toolbar.spacer(), length, lengthLabel);
        line.setAlignment(Pos.CENTER_LEFT);
        Label context = new Label();
        context.setId("guess-context");
        context.getStyleClass().add("guess-context");
        context.setWrapText(true);
        context.textProperty().bind(Bindings.concat(vm.contextProperty(), " ▁▁▁ ?"));
        VBox box = new VBox(6, line, context);
        box.setPadding(new Insets(0, 0, 8, 0));
        return box;
    }

    private String roundText() {
        int n = Math.max(1, vm.roundLengthProperty().get());
        int shown =
                vm.revealedProperty().get() + (vm.phaseProperty().get() == Phase.REVEALED ? 0 : 1);
        return "step %d of %d".formatted(Math.min(Math.max(1, shown), n), n);
    }

    private Node guesses() {
        Button add =
                Toolbar.button("guess-add", "+ Player", "Add a player or team", () -> addRow());
        Button reveal =
                Toolbar.button(
                        "guess-reveal",
                        "Reveal",
                        "Score the guesses and draw the token (Ctrl+Enter)",
                        vm::reveal);
        reveal.disableProperty().bind(vm.phaseProperty().isNotEqualTo(Phase.GUESSING));
        reveal.getStyleClass().add("guess-primary");
        Button next =
                Toolbar.button(
                        "guess-next", "Next ▶", "Move on to the next token (Ctrl+→)", vm::next);
        next.disableProperty().bind(vm.phaseProperty().isEqualTo(Phase.SCORING));
        Button fresh =
                Toolbar.button("guess-new-round", "New round", "Forget the scores", vm::newRound);
        HBox commands = new HBox(8, reveal, next, add, fresh);
        commands.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("guess-message");
        message.getStyleClass().add("guess-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        VBox box = new VBox(10, rows, commands, message);
        box.setPadding(new Insets(0, 8, 0, 0));
        return box;
    }

    private void addRow() {
        vm.addPlayer("");
        guessField(vm.players().size() - 1).ifPresent(TextField::requestFocus);
    }

    private void showRows() {
        rows.getChildren().clear();
        List<PlayerRow> players = vm.players();
        for (int i = 0; i < players.size(); i++) {
            rows.getChildren().add(row(i, players.get(i)));
        }
        if (players.isEmpty()) {
            Label hint =
                    new Label("Add players or teams with + Player, type their guesses, Reveal.");
            hint.getStyleClass().add("guess-hint");
            rows.getChildren().add(hint);
        }
    }

    private Node row(int i, PlayerRow p) {
        TextField name = new TextField();
        name.setId("guess-name-" + i);
        name.setPrefColumnCount(7);
        name.textProperty().bindBidirectional(p.nameProperty());
        TextField guess = new TextField();
        guess.setId("guess-input-" + i);
        guess.setPromptText("guess");
        guess.getStyleClass().add("guess-input");
        guess.textProperty().bindBidirectional(p.guessProperty());
        guess.editableProperty().bind(vm.phaseProperty().isEqualTo(Phase.GUESSING));
        guess.setTooltip(
                new Tooltip(
                        "A word is read as a new word (\"you\" is ' you'); in quotes exactly as"
                                + " typed (\"eo\" continues the last word); \\n or ↵ is a newline"));
        guess.setOnAction(e -> guessField(i + 1).ifPresent(TextField::requestFocus));
        HBox.setHgrow(guess, Priority.ALWAYS);
        Button remove =
                Toolbar.button("guess-remove-" + i, "✕", "Remove", () -> vm.removePlayer(p));
        HBox line = new HBox(6, name, guess, remove);
        line.setAlignment(Pos.CENTER_LEFT);
        Label result = new Label();
        result.setId("guess-result-" + i);
        result.getStyleClass().add("guess-result");
        result.setWrapText(true);
        result.textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () ->
                                        vm.phaseProperty().get() == Phase.REVEALED
                                                ? ResultText.of(
                                                        p.resultProperty().get(),
                                                        p.strategyProbProperty().get())
                                                : "",
                                p.resultProperty(),
                                p.strategyProbProperty(),
                                vm.phaseProperty()));
        result.managedProperty().bind(result.textProperty().isNotEmpty());
        result.visibleProperty().bind(result.managedProperty());
        return new VBox(2, line, result);
    }

    private java.util.Optional<TextField> guessField(int i) {
        return java.util.Optional.ofNullable((TextField) lookup("#guess-input-" + i));
    }

    private Node sideColumn() {
        Label topTitle = new Label("The model's top 10");
        topTitle.getStyleClass().add("section-title");
        top.setId("guess-top");
        Label drawnTitle = new Label("Drawn");
        drawnTitle.getStyleClass().add("section-title");
        Label drawn = new Label();
        drawn.setId("guess-drawn");
        drawn.setWrapText(true);
        drawn.textProperty()
                .bind(
                        Bindings.when(vm.drawnProperty().isEmpty())
                                .then("hidden until Reveal")
                                .otherwise(vm.drawnProperty()));
        Label scoresTitle = new Label("Scores");
        scoresTitle.getStyleClass().add("section-title");
        scores.setId("guess-scores");
        scores.setHgap(12);
        scores.setVgap(2);
        Tooltip.install(
                scores,
                new Tooltip(
                        "Top 10: steps whose guess was among the model's 10 likeliest (each"
                                + " token of a longer guess at its own step). log p: the sum of ln p of each guess under the model,"
                                + " at least %.0f a step (no guess counts %.0f)."
                                        .formatted(GuessScore.FLOOR, GuessScore.FLOOR)));
        VBox side = new VBox(6, topTitle, top, drawnTitle, drawn, scoresTitle, scores);
        side.setId("guess-side");
        side.getStyleClass().add("guess-side");
        side.setPrefWidth(330);
        side.setMinWidth(260);
        side.setPadding(new Insets(0, 0, 0, 12));
        return side;
    }

    private void showTop() {
        top.getChildren().clear();
        if (vm.top().isEmpty()) {
            Label hidden = new Label("hidden until Reveal");
            hidden.getStyleClass().add("guess-hint");
            top.getChildren().add(hidden);
            return;
        }
        Set<Integer> guessed = new HashSet<>();
        for (PlayerRow p : vm.players()) {
            GuessScore s = p.resultProperty().get();
            if (s != null && s.scored()) {
                guessed.add(s.tokens().get(0).id());
            }
        }
        for (TokenOdds t : vm.top()) {
            Label l =
                    new Label(
                            String.format(
                                    Locale.ROOT,
                                    "%2d  '%s'  %s",
                                    t.rank(),
                                    t.piece().replace('␣', ' '),
                                    Probabilities.format(t.prob())));
            l.getStyleClass().add("guess-top-row");
            if (guessed.contains(t.id())) {
                l.getStyleClass().add("guessed");
                l.setText(l.getText() + "  ★");
            }
            top.getChildren().add(l);
        }
    }

    private void showScores() {
        scores.getChildren().clear();
        scores.addRow(0, header("Player"), header("Top 10"), header("log p"));
        int r = 1;
        for (Scoreboard.Entry e : vm.standings()) {
            scores.addRow(
                    r++,
                    new Label(e.player()),
                    new Label("%d / %d".formatted(e.hits(), e.steps())),
                    new Label(String.format(Locale.ROOT, "%.1f", e.points())));
        }
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("guess-score-header");
        return l;
    }

    /** The first guess field, where typing starts; null when there are no players. */
    public Node firstField() {
        return lookup("#guess-input-0");
    }

    public GuessViewModel viewModel() {
        return vm;
    }
}
