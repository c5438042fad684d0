package dev.samplinglab.app;

import dev.samplinglab.app.common.DaemonThreads;
import dev.samplinglab.app.common.TabId;
import dev.samplinglab.app.compare.CompareView;
import dev.samplinglab.app.compare.CompareViewModel;
import dev.samplinglab.app.io.SettingsStore;
import dev.samplinglab.app.lesson.LessonHost;
import dev.samplinglab.app.lesson.LessonMenu;
import dev.samplinglab.app.lesson.LessonPrompts;
import dev.samplinglab.app.lesson.LessonViewModel;
import dev.samplinglab.app.lesson.RecentLessons;
import dev.samplinglab.app.step.StepViewModel;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/** Lesson files in the main window: the step and compare tabs as a {@link LessonHost}. */
final class WindowLessons implements LessonHost {
    private final StepViewModel step;
    private final LabTabs tabs;

    WindowLessons(StepViewModel step, LabTabs tabs) {
        this.step = step;
        this.tabs = tabs;
    }

    /**
     * Adds Save lesson…, Open lesson… and Recent lessons to the File menu; files are read, hashed
     * and written on a thread of their own, owned by the tabs.
     */
    static LessonViewModel install(
            StepViewModel step, LabTabs tabs, WindowMenu menu, Executor ui, LessonPrompts prompts) {
        ExecutorService io = DaemonThreads.single("lesson-files");
        tabs.own(io);
        LessonViewModel vm =
                new LessonViewModel(
                        new WindowLessons(step, tabs),
                        io,
                        ui,
                        prompts,
                        new RecentLessons(SettingsStore.configDir()));
        LessonMenu.install(vm, menu.file(), menu.statusArea());
        return vm;
    }

    @Override
    public StepViewModel step() {
        return step;
    }

    @Override
    public Optional<CompareViewModel> openedCompare() {
        return tabs.isBuilt(TabId.COMPARE) ? Optional.of(compare()) : Optional.empty();
    }

    @Override
    public CompareViewModel compare() {
        return tabs.tab(TabId.COMPARE, CompareView.class).viewModel();
    }

    @Override
    public TabId shownTab() {
        return (TabId) tabs.getSelectionModel().getSelectedItem().getUserData();
    }

    @Override
    public void show(TabId id) {
        tabs.show(id);
    }
}
