package dev.samplinglab.app.step;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.common.FakeModel;
import dev.samplinglab.app.common.FakeStepSource;
import dev.samplinglab.app.common.ModelOpener;
import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.app.common.Ticker;
import dev.samplinglab.app.io.SettingsStore;
import dev.samplinglab.engine.sampling.ChainOrder;
import dev.samplinglab.engine.sampling.Preset;
import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.sampling.StageKind;
import dev.samplinglab.engine.sampling.StageTrace;
import dev.samplinglab.engine.sampling.TopPRule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The step window's logic without the toolkit: same-thread executors and a fake session. */
class StepViewModelTest {
    private final List<FakeModel> opened = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final ManualTicker ticker = new ManualTicker();
    private StepViewModel vm;

    private ModelOpener recordingOpener() {
        ModelOpener inner = FakeModel.opener();
        return (spec, progress) -> {
            FakeModel m = (FakeModel) inner.open(spec, progress);
            opened.add(m);
            return m;
        };
    }

    @BeforeEach
    void setUp() {
        vm = newViewModel(Runnable::run);
    }

    private StepViewModel newViewModel(Executor worker) {
        StepViewModel m =
                new StepViewModel(
                        recordingOpener(),
                        worker,
                        Runnable::run,
                        ticker,
                        SettingsStore.defaultStrategy());
        m.onErrorProperty().set(errors::add);
        m.promptProperty().set("The cat");
        return m;
    }

    private FakeStepSource session() {
        return opened.get(opened.size() - 1).session();
    }

    @Test
    void loadingAModelStartsAnEmptySessionOnThePrompt() {
        vm.loadModel("random:tiny");
        assertThat(vm.modelNameProperty().get()).isEqualTo("random:tiny");
        assertThat(vm.promptPieces()).containsExactly("The", " cat");
        assertThat(vm.history()).isEmpty();
        assertThat(vm.shownProperty().get()).isNull();
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void threeStepsGiveThreeHistoryEntriesAndShowTheLast() {
        vm.loadModel("random:tiny");
        vm.step();
        vm.step();
        vm.step();
        assertThat(vm.history()).hasSize(3);
        assertThat(vm.selectedProperty().get()).isEqualTo(2);
        assertThat(vm.shownProperty().get()).isSameAs(vm.history().get(2));
        assertThat(vm.cacheLengthProperty().get()).isEqualTo(2 + 3);
    }

    @Test
    void backRemovesTheLastStepAndShowsThePreviousOneUnchanged() {
        vm.loadModel("random:tiny");
        vm.step();
        vm.step();
        StepResult second = vm.shownProperty().get();
        vm.step();
        vm.back();
        assertThat(vm.history()).hasSize(2);
        assertThat(vm.shownProperty().get()).isEqualTo(second);
        assertThat(session().history()).hasSize(2);
    }

    @Test
    void changingASettingRedoesTheLastStepWithTheSameCoin() {
        vm.loadModel("random:tiny");
        vm.strategy().topKProperty().set(0);
        vm.step();
        double coin = vm.shownProperty().get().trace().coin();
        int coins = session().coinsDrawn;
        vm.strategy().topKProperty().set(2);
        StepResult redone = vm.shownProperty().get();
        assertThat(vm.history()).hasSize(1);
        assertThat(redone.trace().coin()).isEqualTo(coin);
        assertThat(topK(redone).keptCount()).isEqualTo(2);
        assertThat(session().coinsDrawn).isEqualTo(coins);
        assertThat(session().redos).isEqualTo(1);
    }

    @Test
    void aSettingChangeWhileBrowsingShowsTheRecomputedLastStep() {
        vm.loadModel("random:tiny");
        vm.step();
        vm.step();
        vm.select(0);
        vm.strategy().topKProperty().set(3);
        assertThat(vm.selectedProperty().get()).isEqualTo(1);
        assertThat(topK(vm.shownProperty().get()).keptCount()).isEqualTo(3);
        assertThat(topK(vm.history().get(0)).keptCount()).isNotEqualTo(3);
    }

    @Test
    void settingChangesBeforeAnyStepDoNoModelWork() {
        vm.loadModel("random:tiny");
        vm.strategy().topPProperty().set(0.5);
        assertThat(session().redos).isZero();
        assertThat(vm.history()).isEmpty();
    }

    @Test
    void redoRequestsAreCoalescedWhileTheWorkerIsBusy() {
        Queue<Runnable> queue = new ArrayDeque<>();
        vm = newViewModel(queue::add);
        vm.loadModel("random:tiny");
        runAll(queue);
        vm.step();
        runAll(queue);
        for (int k = 1; k <= 5; k++) {
            vm.strategy().topKProperty().set(k);
        }
        assertThat(queue).hasSize(1);
        runAll(queue);
        assertThat(session().redos).isEqualTo(1);
        assertThat(topK(vm.shownProperty().get()).keptCount()).isEqualTo(5);
    }

    @Test
    void commandsReturnBeforeTheModelRuns() {
        Queue<Runnable> queue = new ArrayDeque<>();
        vm = newViewModel(queue::add);
        vm.loadModel("random:tiny");
        assertThat(vm.loadingProperty().get()).isTrue();
        assertThat(vm.busyBinding().get()).isTrue();
        runAll(queue);
        vm.step();
        assertThat(vm.history()).isEmpty();
        assertThat(vm.pendingProperty().get()).isEqualTo(1);
        runAll(queue);
        assertThat(vm.history()).hasSize(1);
        assertThat(vm.busyBinding().get()).isFalse();
    }

    @Test
    void branchingKeepsTheEarlierStepsForcesTheTokenAndTruncatesTheCache() {
        vm.loadModel("random:tiny");
        for (int i = 0; i < 4; i++) {
            vm.step();
        }
        int before = vm.cacheLengthProperty().get();
        StepResult first = vm.history().get(0);
        vm.select(1);
        vm.branch(1, 4);
        assertThat(vm.history()).hasSize(2);
        assertThat(vm.history().get(0)).isEqualTo(first);
        assertThat(vm.history().get(1).tokenId()).isEqualTo(4);
        assertThat(vm.history().get(1).forced()).isTrue();
        assertThat(vm.cacheLengthProperty().get()).isEqualTo(before - 2);
        assertThat(vm.shownProperty().get()).isEqualTo(vm.history().get(1));
    }

    @Test
    void selectingAnEarlierStepBrowsesAndStepMovesForwardWithoutModelWork() {
        vm.loadModel("random:tiny");
        vm.step();
        vm.step();
        vm.step();
        int coins = session().coinsDrawn;
        vm.select(0);
        assertThat(vm.shownProperty().get()).isEqualTo(vm.history().get(0));
        vm.step();
        assertThat(vm.selectedProperty().get()).isEqualTo(1);
        assertThat(session().coinsDrawn).isEqualTo(coins);
        assertThat(vm.history()).hasSize(3);
    }

    @Test
    void aFailingLoadKeepsThePreviousModelAndReportsTheMessage() {
        vm.loadModel("random:tiny");
        vm.step();
        vm.loadModel("bad-folder");
        assertThat(errors).singleElement().asString().contains("missing key n_embd");
        assertThat(vm.modelNameProperty().get()).isEqualTo("random:tiny");
        assertThat(vm.modelSpecProperty().get()).isEqualTo("random:tiny");
        assertThat(opened.get(0).closed).isFalse();
        assertThat(vm.history()).hasSize(1);
        vm.step();
        assertThat(vm.history()).hasSize(2);
    }

    @Test
    void loadingANewModelClosesTheOldOne() {
        vm.loadModel("random:tiny");
        vm.loadModel("random:other");
        assertThat(opened.get(0).closed).isTrue();
        assertThat(opened.get(0).session().closed).isTrue();
        assertThat(vm.modelNameProperty().get()).isEqualTo("random:other");
    }

    @Test
    void resetStartsAFreshSessionWithTheCurrentPromptAndSeed() {
        vm.loadModel("random:tiny");
        vm.step();
        vm.promptProperty().set("A dog");
        vm.seedProperty().set(7);
        vm.reset();
        assertThat(vm.history()).isEmpty();
        assertThat(vm.promptPieces()).containsExactly("A", " dog");
        assertThat(opened.get(0).sessions).hasSize(2);
        assertThat(opened.get(0).sessions.get(0).closed).isTrue();
    }

    @Test
    void runStepsOnEveryTickUntilPaused() {
        vm.loadModel("random:tiny");
        vm.speedProperty().set(5);
        vm.toggleRun();
        assertThat(vm.runningProperty().get()).isTrue();
        assertThat(ticker.period).isEqualTo(200);
        ticker.tick();
        ticker.tick();
        assertThat(vm.history()).hasSize(2);
        vm.toggleRun();
        assertThat(ticker.stopped).isTrue();
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void chatModeOnAModelWithoutTemplateIsAMessageAndPlainModeStillWorks() {
        vm.loadModel("random:tiny");
        vm.chatModeProperty().set(true);
        vm.systemProperty().set("Be brief.");
        vm.reset();
        assertThat(errors).singleElement().asString().contains("no chat template");
        vm.chatModeProperty().set(false);
        vm.reset();
        assertThat(errors).hasSize(1);
        assertThat(vm.promptPieces()).containsExactly("The", " cat");
    }

    @Test
    void stepWithoutAModelReportsAnError() {
        vm.step();
        assertThat(errors).singleElement().asString().contains("No model");
        assertThat(vm.pendingProperty().get()).isZero();
    }

    private static StageTrace topK(StepResult step) {
        return step.trace().stages().stream()
                .filter(s -> s.kind() == StageKind.TOP_K)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anInvalidStrategyIsReportedInlineAndNotRun() {
        vm.loadModel("random:tiny");
        vm.step();
        vm.strategy().orderProperty().set(ChainOrder.VLLM.stages());
        vm.strategy().typicalPProperty().set(0.5);
        assertThat(vm.strategyErrorProperty().get()).contains("typical_p");
        assertThat(session().redos).isEqualTo(1);
        vm.strategy().typicalPProperty().set(1);
        assertThat(vm.strategyErrorProperty().get()).isEmpty();
        assertThat(errors).isEmpty();
    }

    @Test
    void aPresetSetsTheWholeStrategy() {
        vm.strategy().minPProperty().set(0.2);
        vm.strategy().ruleProperty().set(TopPRule.CUMSUM_LE_P);
        vm.strategy().repetitionPenaltyProperty().set(1.3);
        vm.strategy().presencePenaltyProperty().set(0.4);
        vm.strategy().orderProperty().set(ChainOrder.LLAMA_CPP.stages());
        vm.strategy().applyPreset(Preset.CREATIVE);
        SamplingSettings s = vm.strategy().settings();
        assertThat(s).isEqualTo(Preset.CREATIVE.settings());
        assertThat(s.temperature()).isEqualTo(1.3);
        assertThat(s.topK()).isEqualTo(80);
        assertThat(s.topP()).isEqualTo(0.95);
        assertThat(s.minP()).isZero();
        assertThat(s.topPRule()).isEqualTo(TopPRule.INCLUSIVE);
        assertThat(s.repetitionPenalty()).isEqualTo(1);
        assertThat(s.presencePenalty()).isZero();
        assertThat(s.order()).isEqualTo(ChainOrder.HF.stages());
        assertThat(vm.strategy().lastValid()).isEqualTo(s);
    }

    private static void runAll(Queue<Runnable> queue) {
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
    }

    /** A ticker the test advances by hand. */
    static final class ManualTicker implements Ticker {
        Runnable tick;
        long period;
        boolean stopped;

        @Override
        public Runnable start(long periodMillis, Runnable t) {
            this.tick = t;
            this.period = periodMillis;
            this.stopped = false;
            return () -> stopped = true;
        }

        void tick() {
            tick.run();
        }
    }
}
