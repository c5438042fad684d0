package dev.samplinglab.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.common.LabTestModels;
import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.engine.sampling.Coins;
import dev.samplinglab.engine.sampling.Preset;
import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.sampling.StepTrace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The compare view model on a small random model, same-thread executors, no toolkit. */
class CompareViewModelTest {
    private final List<Runnable> ticks = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final CompareViewModel vm =
            new CompareViewModel(
                    LabTestModels.opener(),
                    Runnable::run,
                    Runnable::run,
                    (period, tick) -> {
                        ticks.add(tick);
                        return () -> ticks.remove(tick);
                    });

    CompareViewModelTest() {
        vm.modelSpecProperty().set("test:3");
        vm.promptProperty().set("Once upon");
        vm.seedProperty().set(7);
        vm.onErrorProperty().set(errors::add);
    }

    @AfterEach
    void close() {
        vm.shutdown();
    }

    private CompareColumn column(int i) {
        return vm.columns().get(i);
    }

    private void steps(int n) {
        for (int i = 0; i < n; i++) {
            vm.step();
        }
    }

    private static SamplingSettings sampling(double t, double p) {
        return SamplingSettings.builder().temperature(t).topP(p).build();
    }

    @Test
    void startsWithTwoColumnsAndCommonRandomNumbers() {
        assertThat(vm.columns()).hasSize(2);
        assertThat(vm.commonRandomNumbersProperty().get()).isTrue();
        assertThat(vm.coinsDescription().get()).startsWith("Common random numbers");
        vm.commonRandomNumbersProperty().set(false);
        assertThat(vm.coinsDescription().get()).startsWith("Independent streams");
    }

    @Test
    void identicalStrategiesWithCommonRandomNumbersWriteIdenticalText() {
        column(0).strategy().apply(sampling(1.0, 0.95));
        column(1).strategy().apply(sampling(1.0, 0.95));
        steps(15);
        assertThat(errors).isEmpty();
        assertThat(vm.stepsProperty().get()).isEqualTo(15);
        assertThat(column(0).tokenIds()).hasSize(15).containsExactly(column(1).tokenIds());
        assertThat(column(1).divergenceProperty().get()).isEqualTo(-1);
    }

    @Test
    void greedyAndTopPDivergeOnlyWhereTheSharedCoinPicksAnotherToken() {
        column(0).strategy().applyPreset(Preset.GREEDY);
        column(1).strategy().apply(sampling(1.0, 0.9));
        steps(30);
        List<StepResult> greedy = column(0).history();
        List<StepResult> topP = column(1).history();
        int d = column(1).divergenceProperty().get();
        assertThat(d)
                .isEqualTo(RunMetrics.firstDifference(column(0).tokenIds(), column(1).tokenIds()));
        assertThat(d).as("the columns diverge within 30 steps").isBetween(1, 29);
        for (int t = 0; t <= d; t++) {
            StepTrace g = greedy.get(t).trace();
            StepTrace p = topP.get(t).trace();
            assertThat(p.coin())
                    .isEqualTo(g.coin())
                    .isEqualTo(Coins.commonRandomNumbers(7).coin(t));
            int argmax = p.displayIds()[0];
            assertThat(g.chosenId()).isEqualTo(argmax);
            assertThat(p.chosenId() == argmax).as("step " + t).isEqualTo(t < d);
        }
    }

    @Test
    void turningCommonRandomNumbersOffGivesEachColumnItsOwnCoins() {
        steps(4);
        for (int t = 0; t < 4; t++) {
            assertThat(column(0).history().get(t).trace().coin())
                    .isEqualTo(column(1).history().get(t).trace().coin());
        }
        vm.commonRandomNumbersProperty().set(false);
        assertThat(vm.stepsProperty().get()).isEqualTo(4);
        assertThat(column(1).history()).hasSize(4);
        for (int t = 0; t < 4; t++) {
            double c0 = column(0).history().get(t).trace().coin();
            double c1 = column(1).history().get(t).trace().coin();
            assertThat(c0).isNotEqualTo(c1).isEqualTo(Coins.independentStream(7, 0).coin(t));
            assertThat(c1).isEqualTo(Coins.independentStream(7, 1).coin(t));
        }
    }

    @Test
    void backMovesEveryColumnInLockstep() {
        vm.addColumn(sampling(1.5, 1.0));
        steps(5);
        List<int[]> before = vm.columns().stream().map(CompareColumn::tokenIds).toList();
        vm.back();
        assertThat(vm.stepsProperty().get()).isEqualTo(4);
        for (int i = 0; i < 3; i++) {
            assertThat(column(i).tokenIds())
                    .containsExactly(java.util.Arrays.copyOf(before.get(i), 4));
        }
        vm.step();
        for (int i = 0; i < 3; i++) {
            assertThat(column(i).tokenIds()).containsExactly(before.get(i));
        }
    }

    @Test
    void changingAStrategyReplaysThatColumnToTheSameStep() {
        steps(6);
        int[] first = column(0).tokenIds();
        column(1).strategy().applyPreset(Preset.GREEDY);
        assertThat(column(1).history()).hasSize(6);
        assertThat(column(1).tokenIds()).containsExactly(first);
        assertThat(column(0).tokenIds()).containsExactly(first);
    }

    @Test
    void runTicksStepAndMetricsFollow() {
        vm.toggleRun();
        assertThat(vm.runningProperty().get()).isTrue();
        for (int i = 0; i < 8; i++) {
            ticks.get(0).run();
        }
        vm.toggleRun();
        assertThat(ticks).isEmpty();
        assertThat(vm.stepsProperty().get()).isEqualTo(8);
        RunMetrics m = column(0).metricsProperty().get();
        assertThat(m.steps()).isEqualTo(8);
        assertThat(m).isEqualTo(RunMetrics.ofResults(column(0).history()));
        assertThat(m.perplexity()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void columnsStayBetweenTwoAndFour() {
        vm.addColumn(Preset.GENERAL.settings());
        vm.addColumn(Preset.GENERAL.settings());
        vm.addColumn(Preset.GENERAL.settings());
        assertThat(vm.columns()).hasSize(4);
        vm.removeColumn(0);
        vm.removeColumn(0);
        vm.removeColumn(0);
        assertThat(vm.columns()).hasSize(2);
    }

    @Test
    void aModelThatFailsToOpenReportsAnError() {
        vm.modelSpecProperty().set("missing-folder");
        vm.step();
        assertThat(errors).singleElement().asString().contains("not a folder");
        assertThat(vm.stepsProperty().get()).isZero();
    }

    @Test
    void aBeamColumnStepsInLockstepWithTheSameMetrics() {
        column(0).strategy().applyPreset(Preset.GREEDY);
        steps(2);
        vm.beam().numBeamsProperty().set(3);
        vm.beam().enabledProperty().set(true);
        // switched on at step 2: built and replayed to step 2
        assertThat(vm.beam().stateProperty().get().tokens()).hasSize(2);
        steps(3);
        assertThat(errors).isEmpty();
        BeamColumn.State s = vm.beam().stateProperty().get();
        assertThat(s.tokens()).hasSize(5);
        assertThat(s.pieces()).hasSize(5);
        assertThat(s.status()).contains("5 steps").contains("3 beams").contains("KV cache");
        RunMetrics m = vm.beam().metricsProperty().get();
        assertThat(m.steps()).isEqualTo(5);
        double meanLogProb = java.util.Arrays.stream(s.logProbs()).average().orElseThrow();
        assertThat(m.meanLogProb())
                .isCloseTo(meanLogProb, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(m.meanEntropyBits()).isZero();
        // on this model the best of 3 beams is at least as likely as greedy over 5 tokens
        double greedy =
                column(0).history().stream()
                        .mapToDouble(r -> Math.log(r.trace().chosenRawProb()))
                        .sum();
        assertThat(java.util.Arrays.stream(s.logProbs()).sum())
                .isGreaterThanOrEqualTo(greedy - 1e-4);
        vm.back();
        assertThat(vm.beam().stateProperty().get().tokens()).hasSize(4);
        vm.beam().enabledProperty().set(false);
        assertThat(vm.beam().stateProperty().get().tokens()).isEmpty();
    }
}
