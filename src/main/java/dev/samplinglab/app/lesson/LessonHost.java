package dev.samplinglab.app.lesson;

import dev.samplinglab.app.common.TabId;
import dev.samplinglab.app.compare.CompareViewModel;
import dev.samplinglab.app.step.StepViewModel;
import java.util.Optional;

/**
 * The parts of the window a lesson is saved from and replayed into (the main window wires them).
 */
public interface LessonHost {

    /** The step window. */
    StepViewModel step();

    /** The compare tab if it was opened, else empty (an unopened tab is not saved). */
    Optional<CompareViewModel> openedCompare();

    /** The compare tab, built if it was not. */
    CompareViewModel compare();

    /** The tab shown. */
    TabId shownTab();

    /** Shows the tab {@code id}. */
    void show(TabId id);
}
