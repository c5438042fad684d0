package dev.samplinglab.app.beam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.samplinglab.app.common.BeamBackend;
import dev.samplinglab.app.common.ModelHandle;
import dev.samplinglab.app.common.StepSource;
import dev.samplinglab.engine.chat.Prompt;
import dev.samplinglab.engine.generate.beam.BeamModel;
import dev.samplinglab.engine.generate.beam.BeamStop;
import dev.samplinglab.engine.generate.beam.EarlyStopping;
import dev.samplinglab.engine.generate.beam.Fate;
import dev.samplinglab.engine.generate.beam.TableModel;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleDoubleProperty;
import org.junit.jupiter.api.Test;

/**
 * The beam view model without a toolkit, on the Hugging Face blog's table: the worker runs jobs at
 * once, so every command's snapshot is there when it returns.
 */
class BeamViewModelTest {
    /** "The" -> nice .5 / dog .4 / car .1; greedy takes "nice woman", beams find "dog has". */
    private static final TableModel BLOG =
            new TableModel(
                            "<eos>", "nice", "dog", "car", "woman", "house", "guy", "has", "runs",
                            "and", "The")
                    .row("", "nice", .5, "dog", .4, "car", .1)
                    .row("nice", "woman", .4, "house", .3, "guy", .3)
                    .row("dog", "has", .9, "runs", .05, "and", .05)
                    .otherwise("<eos>", .6, "and", .4);

    private final List<Runnable> ticks = new ArrayList<>();
    private final BeamViewModel vm =
            new BeamViewModel(
                    new Immediate(new TableHandle()),
                    () -> Prompt.plain("The"),
                    (period, tick) -> {
                        ticks.add(tick);
                        return () -> ticks.remove(tick);
                    },
                    new SimpleDoubleProperty(4));

    @Test
    void stepsShowTheTreeAndTheMomentGreedyMissesTheLikelierSentence() {
        vm.numBeamsProperty().set(2);
        vm.activeProperty().set(true);
        vm.reset();
        vm.step();
        BeamSnapshot one = vm.snapshotProperty().get();
        assertThat(one.stepCount()).isEqualTo(1);
        // after one step the likeliest is "nice", which is greedy's choice too
        assertThat(one.greedyMissStep()).isEqualTo(-1);
        vm.step();
        BeamSnapshot two = vm.snapshotProperty().get();
        // dog has = .4 * .9 = .36 against greedy's nice woman = .5 * .4 = .2
        assertThat(two.bestBeamLogProb()).isCloseTo(Math.log(.36), within(1e-6));
        assertThat(two.greedyLogProb(2)).isCloseTo(Math.log(.2), within(1e-6));
        assertThat(two.greedyMissStep()).isEqualTo(1);
        assertThat(two.candidateTexts().get(1).get(0)).isEqualTo("The dog has");
        assertThat(two.greedyText()).isEqualTo("The nice woman");
        assertThat(BeamView.contrastText(two)).contains("from step 2 greedy misses");
        assertThat(two.summary())
                .isEqualTo(
                        "Beam tree, 2 beams, step 2 (%s): best candidate 'has', log p %.3f;"
                                        .formatted(two.stop().label(), Math.log(.36))
                                + " greedy log p %.3f over 2 tokens; %d finished;"
                                        .formatted(Math.log(.2), two.finished().size())
                                + " from step 2 greedy misses the likelier sentence");

        BeamTreeLayout layout = BeamTreeLayout.of(two);
        assertThat(layout.columns()).isEqualTo(3);
        BeamTreeLayout.Node has =
                layout.nodes().stream()
                        .filter(n -> n.column() == 2 && n.onBest())
                        .findFirst()
                        .orElseThrow();
        assertThat(has.text()).isEqualTo("The dog has");
        assertThat(BeamTreeView.describe(has)).startsWith("The dog has").contains("p = 0.900");
        // children sit next to their parent: dog's children above nice's when dog is above
        BeamTreeLayout.Node dog = layout.nodes().get(has.parent());
        assertThat(dog.candidate().token()).isEqualTo(BLOG.id("dog"));
    }

    @Test
    void backAndASettingChangeReplayOnTheSameRun() {
        vm.numBeamsProperty().set(2);
        vm.maxNewTokensProperty().set(3);
        vm.activeProperty().set(true);
        vm.reset();
        vm.step();
        vm.step();
        vm.back();
        assertThat(vm.snapshotProperty().get().stepCount()).isEqualTo(1);
        assertThat(vm.snapshotProperty().get().greedyTokens()).hasSize(1);
        vm.step();
        vm.earlyStoppingProperty().set(EarlyStopping.NEVER);
        BeamSnapshot replayed = vm.snapshotProperty().get();
        assertThat(replayed.stepCount()).isEqualTo(2);
        assertThat(replayed.settings().earlyStopping()).isEqualTo(EarlyStopping.NEVER);
    }

    @Test
    void runStepsOnEachTickUntilTheSearchEnds() {
        vm.numBeamsProperty().set(2);
        vm.maxNewTokensProperty().set(3);
        vm.activeProperty().set(true);
        vm.reset();
        vm.toggleRun();
        assertThat(vm.runningProperty().get()).isTrue();
        for (int i = 0; i < 5 && !ticks.isEmpty(); i++) {
            ticks.get(0).run();
        }
        BeamSnapshot done = vm.snapshotProperty().get();
        assertThat(done.stop()).isEqualTo(BeamStop.LENGTH);
        assertThat(done.stepCount()).isEqualTo(3);
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(done.finished()).hasSize(2);
        assertThat(done.last().candidates()).extracting(c -> c.fate()).contains(Fate.FINISHED);
        assertThat(BeamView.statusText(done))
                .contains("ended: max new tokens")
                .contains("2 finished");
    }

    /** Runs each job at once on the calling thread, as if the worker were instantaneous. */
    private record Immediate(ModelHandle model) implements BeamViewModel.ModelAccess {
        @Override
        public void submit(BeamViewModel.ModelJob job) {
            try {
                job.run(model).run();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public boolean idle() {
            return true;
        }
    }

    private static final class TableHandle implements ModelHandle {
        @Override
        public String name() {
            return "blog table";
        }

        @Override
        public StepSource start(String prompt, long seed) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BeamBackend beams() {
            return new BeamBackend() {
                @Override
                public BeamModel model() {
                    return BLOG;
                }

                @Override
                public int[] encode(Prompt prompt) {
                    return BLOG.ids(prompt.user());
                }

                @Override
                public int[] eosIds() {
                    return new int[] {0};
                }

                @Override
                public int contextSize() {
                    return 64;
                }

                @Override
                public String piece(int id) {
                    return BLOG.text(new int[] {id});
                }

                @Override
                public String decode(int[] ids) {
                    return BLOG.text(ids);
                }
            };
        }

        @Override
        public void close() {}
    }
}
