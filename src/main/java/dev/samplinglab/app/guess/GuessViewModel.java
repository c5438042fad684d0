package dev.samplinglab.app.guess;

import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.engine.classroom.GuessScore;
import dev.samplinglab.engine.classroom.GuessScorer;
import dev.samplinglab.engine.classroom.NextTokenModel;
import dev.samplinglab.engine.classroom.Probabilities;
import dev.samplinglab.engine.classroom.Scoreboard;
import dev.samplinglab.engine.classroom.TokenOdds;
import dev.samplinglab.engine.sampling.StepTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * A "guess the next token" round over the step window: the distribution is hidden, players type
 * guesses, {@link #reveal()} scores every guess on the model at the current step (on the model
 * worker) and then draws the step, {@link #next()} moves on to the next step; after {@link
 * #roundLengthProperty()} revealed steps the round is over and the next {@link #next()} starts a
 * new one. Scoring rules: {@link Scoreboard}. UI thread only.
 */
public final class GuessViewModel {
    /** Steps in a round unless the teacher sets another number. */
    public static final int DEFAULT_ROUND = 5;

    private static final int CONTEXT_CHARS = 80;

    /** Where the current step is. */
    public enum Phase {
        /** Guesses are being typed; the distribution is hidden. */
        GUESSING,
        /** Scoring on the model worker. */
        SCORING,
        /** Scores, the top 10 and the drawn token are shown. */
        REVEALED
    }

    private final GuessHost host;
    private final Scoreboard board = new Scoreboard();
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final IntegerProperty roundLength =
            new SimpleIntegerProperty(this, "roundLength", DEFAULT_ROUND);
    private final ReadOnlyIntegerWrapper revealed = new ReadOnlyIntegerWrapper(this, "revealed");
    private final ReadOnlyObjectWrapper<Phase> phase =
            new ReadOnlyObjectWrapper<>(this, "phase", Phase.GUESSING);
    private final ReadOnlyStringWrapper drawn = new ReadOnlyStringWrapper(this, "drawn", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper context = new ReadOnlyStringWrapper(this, "context", "");
    private final ObservableList<PlayerRow> players = FXCollections.observableArrayList();
    private final ObservableList<TokenOdds> top = FXCollections.observableArrayList();
    private final ObservableList<Scoreboard.Entry> standings = FXCollections.observableArrayList();
    private int awaitedSteps = -1;

    public GuessViewModel(GuessHost host) {
        this.host = host;
        host.history().addListener((ListChangeListener<StepResult>) c -> historyChanged());
        host.promptPieces().addListener((ListChangeListener<String>) c -> updateContext());
        updateContext();
    }

    /** The scoring result of one step: each player's guess (null when blank) and the top 10. */
    private record Reveal(List<GuessScore> scores, List<TokenOdds> top) {}

    // ---- commands -------------------------------------------------------------------------

    /** Adds a player or team; a blank name becomes "Player N". */
    public PlayerRow addPlayer(String name) {
        String n =
                name == null || name.isBlank() ? "Player %d".formatted(players.size() + 1) : name;
        PlayerRow row = new PlayerRow(n.strip());
        players.add(row);
        board.join(row.nameProperty().get());
        standings.setAll(board.standings());
        return row;
    }

    /** Removes a player and their score. */
    public void removePlayer(PlayerRow row) {
        players.remove(row);
        board.remove(row.nameProperty().get());
        standings.setAll(board.standings());
    }

    /**
     * Scores every guess at the current step, shows the model's top 10, then draws the step (its
     * token is shown when it arrives). Does nothing unless guesses are being typed.
     */
    public void reveal() {
        if (phase.get() != Phase.GUESSING) {
            return;
        }
        if (roundOver()) {
            newRound();
        }
        List<PlayerRow> rows = List.copyOf(players);
        List<String> guesses = rows.stream().map(r -> r.guessProperty().get()).toList();
        phase.set(Phase.SCORING);
        message.set("");
        host.score(
                model -> scoreAll(model, guesses),
                r -> applyReveal(rows, r),
                error -> {
                    message.set(error);
                    phase.set(Phase.GUESSING);
                });
    }

    /** Worker: every guess, and the top 10. */
    private static Reveal scoreAll(NextTokenModel model, List<String> guesses) {
        List<GuessScore> scores = new ArrayList<>();
        for (String g : guesses) {
            scores.add(g == null || g.isBlank() ? null : GuessScorer.score(model, g));
        }
        return new Reveal(scores, GuessScorer.top(model, GuessScore.TOP));
    }

    private void applyReveal(List<PlayerRow> rows, Reveal r) {
        for (int i = 0; i < rows.size(); i++) {
            PlayerRow row = rows.get(i);
            row.resultProperty().set(r.scores().get(i));
            board.record(row.nameProperty().get(), r.scores().get(i));
        }
        top.setAll(r.top());
        standings.setAll(board.standings());
        revealed.set(revealed.get() + 1);
        phase.set(Phase.REVEALED);
        if (roundOver() && !standings.isEmpty()) {
            Scoreboard.Entry best = standings.get(0);
            message.set(
                    "Round over: %s leads with %d of %d in the top 10."
                            .formatted(best.player(), best.hits(), best.steps()));
        }
        awaitedSteps = host.history().size() + 1;
        drawn.set("drawing…");
        host.drawStep();
    }

    /**
     * Moves on to the next step: clears the guesses (the players stay); after the round's last step
     * starts a new round. An unrevealed step is revealed first, so no step goes unscored.
     */
    public void next() {
        switch (phase.get()) {
            case GUESSING -> reveal();
            case SCORING -> {}
            case REVEALED -> {
                players.forEach(PlayerRow::clear);
                top.clear();
                drawn.set("");
                awaitedSteps = -1;
                if (roundOver()) {
                    newRound();
                }
                message.set("");
                phase.set(Phase.GUESSING);
                updateContext();
            }
        }
    }

    /** Reveal when guessing, next when revealed: what → and Space do in guess mode. */
    public void advance() {
        if (phase.get() == Phase.REVEALED) {
            next();
        } else {
            reveal();
        }
    }

    /** Forgets the scores (the players stay) and starts counting steps again. */
    public void newRound() {
        board.clear();
        standings.setAll(board.standings());
        revealed.set(0);
        message.set("");
    }

    private boolean roundOver() {
        return revealed.get() >= Math.max(1, roundLength.get());
    }

    private void historyChanged() {
        if (phase.get() == Phase.GUESSING) {
            updateContext(); // a revealed step keeps the text the players continued
        }
        List<StepResult> h = host.history();
        if (awaitedSteps > 0 && h.size() == awaitedSteps) {
            awaitedSteps = -1;
            showDrawn(h.get(h.size() - 1));
        }
    }

    private void showDrawn(StepResult step) {
        StepTrace t = step.trace();
        drawn.set(
                String.format(
                        Locale.ROOT,
                        "'%s': p %s under the model, %s under the strategy",
                        step.piece().replace('␣', ' '),
                        Probabilities.format(t.chosenRawProb()),
                        Probabilities.format(t.chosenProb())));
        double[] finals = t.full() == null ? null : t.full().finalProbs();
        for (PlayerRow row : players) {
            GuessScore s = row.resultProperty().get();
            if (finals != null && s != null && s.scored()) {
                int id = s.tokens().get(0).id();
                row.strategyProbProperty().set(id < finals.length ? finals[id] : 0);
            }
        }
    }

    private void updateContext() {
        StringBuilder text = new StringBuilder();
        host.promptPieces().forEach(text::append);
        host.history().forEach(s -> text.append(s.piece()));
        String all = text.toString().replace('␣', ' ');
        context.set(
                all.length() <= CONTEXT_CHARS
                        ? all
                        : "…" + all.substring(all.length() - CONTEXT_CHARS));
    }

    // ---- properties -----------------------------------------------------------------------

    /** Guess mode on: the step window shows the round instead of the charts. */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** Steps in a round. */
    public IntegerProperty roundLengthProperty() {
        return roundLength;
    }

    /** Steps revealed in this round so far. */
    public ReadOnlyIntegerProperty revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** The drawn token and its probabilities, once the step is drawn; "" before the reveal. */
    public ReadOnlyStringProperty drawnProperty() {
        return drawn.getReadOnlyProperty();
    }

    /** A one-line message: why scoring failed, or who leads at the end of the round. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * The end of the text so far (what the players continue), spaces shown as spaces; a revealed
     * step keeps the text as it was guessed until {@link #next()}.
     */
    public ReadOnlyStringProperty contextProperty() {
        return context.getReadOnlyProperty();
    }

    public ObservableList<PlayerRow> players() {
        return players;
    }

    /** The model's top 10 at the revealed step; empty while guessing. */
    public ObservableList<TokenOdds> top() {
        return top;
    }

    /** Players by hits, then points. */
    public ObservableList<Scoreboard.Entry> standings() {
        return standings;
    }
}
