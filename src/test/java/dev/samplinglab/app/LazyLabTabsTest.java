package dev.samplinglab.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.common.FakeModel;
import dev.samplinglab.app.common.LabTestModels;
import dev.samplinglab.app.common.RecordingPrompts;
import dev.samplinglab.app.common.TabId;
import dev.samplinglab.app.step.ModelChoice;
import dev.samplinglab.app.step.StepView;
import dev.samplinglab.app.step.StepViewModel;
import dev.samplinglab.engine.sampling.Preset;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The lab tabs are built on the first selection of their tab, not at start-up (issue 5). */
@ExtendWith(ApplicationExtension.class)
class LazyLabTabsTest {
    private LabTabs tabs;

    @Start
    void start(Stage stage) {
        StepViewModel main =
                new StepViewModel(
                        FakeModel.opener(),
                        Runnable::run,
                        Runnable::run,
                        (period, tick) -> () -> {},
                        Preset.GENERAL.settings());
        RecordingPrompts prompts = new RecordingPrompts();
        StepView step = new StepView(main, prompts, List.of(ModelChoice.of("test:3")), null);
        tabs =
                MainWindow.labTabs(
                        step, LabTestModels.opener(), Runnable::run, Runnable::run, prompts);
        Scene scene = new Scene(tabs, 1100, 700);
        step.attach(scene, tabs::selected);
        stage.setScene(scene);
        stage.show();
        main.loadModel("test:3");
    }

    @Test
    void onlyTheStepTabIsBuiltAtStartAndEachLabTabOnItsFirstSelection(FxRobot robot) {
        assertThat(robot.lookup("#cmp-step").tryQuery()).isEmpty();
        assertThat(List.of(TabId.COMPARE, TabId.CACHE, TabId.PLAYGROUND)).noneMatch(tabs::isBuilt);
        robot.clickOn("Compare");
        assertThat(tabs.isBuilt(TabId.COMPARE)).isTrue();
        assertThat(robot.lookup("#cmp-step").tryQuery()).isPresent();
        assertThat(tabs.isBuilt(TabId.CACHE)).isFalse();
        assertThat(tabs.isBuilt(TabId.PLAYGROUND)).isFalse();
        robot.interact(() -> tabs.show(TabId.PLAYGROUND));
        assertThat(robot.lookup("#pg-note").tryQuery()).isPresent();
        assertThat(tabs.isBuilt(TabId.CACHE)).isFalse();
    }

    @Test
    void shutdownWithNothingBuiltStopsNothingAndReturnsAtOnce() throws Exception {
        tabs.shutdown();
        assertThat(tabs.awaitTermination(1)).isTrue();
        assertThat(tabs.isBuilt(TabId.CACHE)).isFalse();
    }
}
