package dev.samplinglab.app.guess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.samplinglab.app.common.FakeStepSource;
import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.app.guess.GuessViewModel.Phase;
import dev.samplinglab.app.io.SettingsStore;
import dev.samplinglab.engine.classroom.GuessScore;
import dev.samplinglab.engine.classroom.HandTokenizer;
import dev.samplinglab.engine.classroom.NextTokenModel;
import dev.samplinglab.engine.classroom.Scoreboard.Entry;
import dev.samplinglab.engine.classroom.TableModel;
import dev.samplinglab.engine.classroom.TokenOdds;
import dev.samplinglab.engine.tokenizer.HfTextTokenizer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A guessing round without the toolkit: scoring waits in a queue (the model worker) until the test
 * runs it, the steps come from a fake session; the model is hand-built (' you' 0.5, ' the' 0.2, '
 * Rom' 0.12, then 'eo' 0.9).
 */
class GuessViewModelTest {
    private static HfTextTokenizer tok;
    private final Host host = new Host();
    private GuessViewModel vm;

    @BeforeAll
    static void tokenizer() {
        tok = HandTokenizer.bpe(List.of(" you", " the", " Rom", "eo", "I", " love"));
    }

    @AfterAll
    static void close() {
        tok.close();
    }

    /** A host whose worker runs only when the test says so. */
    private static final class Host implements GuessHost {
        final Queue<Runnable> worker = new ArrayDeque<>();
        final ObservableList<StepResult> history = FXCollections.observableArrayList();
        final ObservableList<String> prompt = FXCollections.observableArrayList("I", "␣love");
        final FakeStepSource session = new FakeStepSource("I love", 3);
        String failure;
        int draws;

        @Override
        public <T> void score(
                Function<NextTokenModel, T> scoring, Consumer<T> onUi, Consumer<String> onError) {
            worker.add(
                    () -> {
                        if (failure != null) {
                            onError.accept(failure);
                            return;
                        }
                        onUi.accept(scoring.apply(model()));
                    });
        }

        private NextTokenModel model() {
            return TableModel.of(
                    tok,
                    "I love",
                    Map.of(
                            "", Map.of(" you", 0.5, " the", 0.2, " Rom", 0.12),
                            " Rom", Map.of("eo", 0.9)));
        }

        @Override
        public void drawStep() {
            draws++;
            worker.add(() -> history.add(session.step(SettingsStore.defaultStrategy())));
        }

        void runWorker() {
            while (!worker.isEmpty()) {
                worker.poll().run();
            }
        }

        @Override
        public ObservableList<StepResult> history() {
            return history;
        }

        @Override
        public ObservableList<String> promptPieces() {
            return prompt;
        }
    }

    @BeforeEach
    void setUp() {
        vm = new GuessViewModel(host);
    }

    @Test
    void aRoundOfTwoStepsScoresRevealsAndMovesOn() {
        vm.roundLengthProperty().set(2);
        PlayerRow ada = vm.addPlayer("Ada");
        PlayerRow bo = vm.addPlayer("Bo");
        assertThat(vm.contextProperty().get()).isEqualTo("I love");
        ada.guessProperty().set("you");
        bo.guessProperty().set("Romeo");

        vm.reveal();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.SCORING);
        assertThat(vm.top()).isEmpty();
        host.runWorker();

        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.REVEALED);
        GuessScore a = ada.resultProperty().get();
        assertThat(a.prob()).isCloseTo(0.5, within(1e-12));
        assertThat(a.rank()).isEqualTo(1);
        assertThat(bo.resultProperty().get().formula())
                .isEqualTo("p(' Rom') 0.12 × p('eo') 0.9 = 0.108");
        assertThat(vm.top()).hasSize(10);
        assertThat(vm.top().subList(0, 3))
                .extracting(TokenOdds::piece)
                .containsExactly("␣you", "␣the", "␣Rom");
        // the step was drawn after scoring, and shown with its probabilities
        assertThat(host.draws).isEqualTo(1);
        assertThat(host.history).hasSize(1);
        assertThat(vm.drawnProperty().get())
                .contains("under the model")
                .contains("under the strategy");
        assertThat(vm.standings())
                .containsExactly(
                        new Entry("Ada", 1, 1, Math.log(0.5)),
                        new Entry("Bo", 1, 1, Math.log(0.12) + Math.log(0.9)));
        assertThat(vm.revealedProperty().get()).isEqualTo(1);
        // the text stays as it was guessed until Next
        assertThat(vm.contextProperty().get()).isEqualTo("I love");

        vm.next();
        assertThat(vm.contextProperty().get())
                .isEqualTo("I love" + host.history.get(0).piece().replace('␣', ' '));
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.GUESSING);
        assertThat(ada.guessProperty().get()).isEmpty();
        assertThat(ada.resultProperty().get()).isNull();
        assertThat(vm.top()).isEmpty();
        assertThat(vm.drawnProperty().get()).isEmpty();
        assertThat(vm.standings()).hasSize(2);

        // step 2: Ada types nothing (no hit, the floor), Bo guesses ' the'
        bo.guessProperty().set("the");
        vm.reveal();
        host.runWorker();
        assertThat(ada.resultProperty().get()).isNull();
        assertThat(vm.standings())
                .extracting(Entry::player, Entry::hits)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Bo", 2),
                        org.assertj.core.groups.Tuple.tuple("Ada", 1));
        assertThat(vm.standings().get(1).points())
                .isCloseTo(Math.log(0.5) + GuessScore.FLOOR, within(1e-12));
        assertThat(vm.messageProperty().get())
                .isEqualTo("Round over: Bo leads with 2 of 2 in the top 10.");

        // next after the last step starts a new round: the players stay, the scores go
        vm.next();
        assertThat(vm.revealedProperty().get()).isZero();
        assertThat(vm.standings())
                .containsExactly(new Entry("Ada", 0, 0, 0), new Entry("Bo", 0, 0, 0));
    }

    @Test
    void advanceRevealsThenMovesOnAndIgnoresKeysWhileScoring() {
        vm.addPlayer("").guessProperty().set("the");
        assertThat(vm.players().get(0).nameProperty().get()).isEqualTo("Player 1");
        vm.advance();
        vm.advance(); // still scoring: nothing happens
        vm.reveal();
        assertThat(host.worker).hasSize(1);
        host.runWorker();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.REVEALED);
        vm.reveal(); // already revealed: no second score, no second draw
        host.runWorker();
        assertThat(host.draws).isEqualTo(1);
        vm.advance();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.GUESSING);
    }

    @Test
    void nextOnAnUnrevealedStepRevealsItFirst() {
        vm.addPlayer("Ada").guessProperty().set("you");
        vm.next();
        host.runWorker();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.REVEALED);
        assertThat(vm.players().get(0).resultProperty().get()).isNotNull();
    }

    @Test
    void aScoringFailureIsOneLineAndTheGuessesStay() {
        host.failure = "this model cannot score guesses";
        PlayerRow ada = vm.addPlayer("Ada");
        ada.guessProperty().set("you");
        vm.reveal();
        host.runWorker();
        assertThat(vm.messageProperty().get()).isEqualTo("this model cannot score guesses");
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.GUESSING);
        assertThat(ada.guessProperty().get()).isEqualTo("you");
        assertThat(host.draws).isZero();
    }

    @Test
    void removingAPlayerDropsTheirScore() {
        PlayerRow ada = vm.addPlayer("Ada");
        vm.addPlayer("Bo");
        vm.removePlayer(ada);
        assertThat(vm.standings()).extracting(Entry::player).containsExactly("Bo");
    }
}
