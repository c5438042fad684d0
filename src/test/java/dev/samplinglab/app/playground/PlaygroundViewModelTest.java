package dev.samplinglab.app.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The logits playground without the toolkit; expected numbers computed by hand (exp / sum). */
class PlaygroundViewModelTest {
    private final PlaygroundViewModel vm = new PlaygroundViewModel();

    private List<String> column(String name) {
        PlaygroundViewModel.Table t = vm.tableProperty().get();
        int c = t.header().indexOf(name);
        assertThat(c).as("column " + name + " in " + t.header()).isNotNegative();
        return t.rows().stream().map(r -> r.get(c)).toList();
    }

    @Test
    void defaultVectorIsTheTutorialsWithFiltersOff() {
        assertThat(vm.logitsProperty().get()).isEqualTo("1.0, 2.0, 0.5, 3.0, 0.2");
        assertThat(vm.tableProperty().get().header())
                .containsExactly("token", "logit", "softmax", "final");
        assertThat(column("softmax"))
                .containsExactly("0.0822", "0.2235", "0.0499", "0.6075", "0.0369");
        assertThat(column("logit"))
                .containsExactly("1.0000", "2.0000", "0.5000", "3.0000", "0.2000");
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void softmaxExampleShowsTheCorrectValuesAndTheNote() {
        vm.load(TutorialExample.SOFTMAX);
        // exp(x_i) / sum exp(x_j) = 0.07512, 0.27565, 0.04556, 0.50226, 0.10140
        assertThat(column("softmax"))
                .containsExactly("0.0751", "0.2756", "0.0456", "0.5023", "0.1014");
        assertThat(vm.noteProperty().get())
                .contains("0.0751 0.2756 0.0456 0.5023 0.1014")
                .contains("wrong");
    }

    @Test
    void temperatureExamplesMatchTheirNotes() {
        vm.load(TutorialExample.TEMPERATURE_HALF);
        assertThat(column("temperature"))
                .containsExactly("0.0157", "0.1163", "0.0058", "0.8590", "0.0032");
        vm.load(TutorialExample.TEMPERATURE_TWO);
        assertThat(column("final"))
                .containsExactly("0.1467", "0.2419", "0.1143", "0.3988", "0.0983");
        assertThat(vm.noteProperty().get()).contains("0.1467 0.2419 0.1143 0.3988 0.0983");
    }

    @Test
    void topPRulesKeepTwoOrOneToken() {
        vm.load(TutorialExample.TOP_P_INCLUSIVE);
        assertThat(column("final")).containsExactly("0.6667", "0.3333", "—", "—");
        vm.load(TutorialExample.TOP_P_CUMSUM);
        assertThat(column("final")).containsExactly("1.0000", "—", "—", "—");
        vm.load(TutorialExample.TOP_P_TIE);
        assertThat(column("final")).containsExactly("0.6667", "0.3333", "—");
    }

    @Test
    void topKAndMinPExamples() {
        vm.load(TutorialExample.TOP_K);
        // e^2 / (e^2 + e^3) = 1 / (1 + e) = 0.26894
        assertThat(column("final")).containsExactly("—", "0.2689", "—", "0.7311", "—");
        vm.load(TutorialExample.MIN_P);
        // kept A, B, D renormalized over 0.9132
        assertThat(column("min_p (renormalized)"))
                .containsExactly("0.0900", "0.2447", "—", "0.6652", "—");
    }

    @Test
    void editsRecomputeAndLabelsFollow() {
        vm.labelsProperty().set("cat, dog");
        vm.logitsProperty().set("0, ln 1, -inf");
        assertThat(column("token").get(0)).startsWith("cat");
        assertThat(column("token").get(2)).startsWith("C");
        assertThat(column("softmax")).containsExactly("0.5000", "0.5000", "—");
        vm.strategy().temperatureProperty().set(0.5);
        assertThat(column("temperature")).containsExactly("0.5000", "0.5000", "—");
    }

    @Test
    void badInputKeepsTheLastTraceAndExplains() {
        var before = vm.traceProperty().get();
        vm.logitsProperty().set("1, two");
        assertThat(vm.errorProperty().get()).contains("\"two\" is not a number");
        assertThat(vm.traceProperty().get()).isSameAs(before);
        assertThatThrownBy(() -> PlaygroundViewModel.parse("3"))
                .hasMessageContaining("at least two");
        assertThatThrownBy(() -> PlaygroundViewModel.parse("ln 2, 1"))
                .hasMessageContaining("(0, 1]");
    }

    @Test
    void theCoinPicksByInverseCdf() {
        vm.coinProperty().set(0.0);
        assertThat(vm.traceProperty().get().chosenId()).isEqualTo(3);
        // cumulative in descending order: D 0.6075, B 0.8310, A 0.9132, C 0.9631, E 1
        vm.coinProperty().set(0.85);
        assertThat(vm.traceProperty().get().chosenId()).isEqualTo(0);
    }
}
