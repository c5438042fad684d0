package dev.samplinglab.app.guess;

import dev.samplinglab.app.widgets.Toolbar;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;

/**
 * Guess mode of the step window: while it is on, the round ({@link GuessView}) takes the place of
 * the charts, so the distribution is hidden; off, the charts come back. Works in presentation mode
 * too (the round is the centre there as well). Ctrl+G switches it.
 */
public final class GuessMode {
    private final BorderPane window;
    private final Runnable stopRunning;
    private final GuessViewModel vm;
    private GuessView view;
    private Node hidden;

    /**
     * @param window the step window, whose centre the round takes
     * @param host the step window as the round sees it ({@link StepHost})
     * @param stopRunning stops the step window's Run loop (a round steps only on Reveal)
     */
    public GuessMode(BorderPane window, GuessHost host, Runnable stopRunning) {
        this.window = window;
        this.stopRunning = stopRunning;
        this.vm = new GuessViewModel(host);
        vm.activeProperty().addListener((obs, o, on) -> show(on));
    }

    private void show(boolean on) {
        if (on) {
            stopRunning.run();
            hidden = window.getCenter();
            window.setCenter(view());
            if (vm.players().isEmpty()) {
                vm.addPlayer("Team A");
                vm.addPlayer("Team B");
            }
        } else if (window.getCenter() == view) {
            window.setCenter(hidden);
        }
    }

    /** The round's view (built on first use). */
    public GuessView view() {
        if (view == null) {
            view = new GuessView(vm);
        }
        return view;
    }

    public void toggle() {
        vm.activeProperty().set(!vm.activeProperty().get());
    }

    public boolean isActive() {
        return vm.activeProperty().get();
    }

    /** The "Guess" toggle of the step window's toolbar. */
    public ToggleButton toolbarButton() {
        ToggleButton b = new ToggleButton("Guess");
        b.setId("guess-button");
        b.setFocusTraversable(false);
        b.selectedProperty().bindBidirectional(vm.activeProperty());
        b.setTooltip(
                new Tooltip("Guess the next token: hide the distribution, type guesses (Ctrl+G)"));
        return b;
    }

    /** The "Guess" command of the presentation-mode side column. */
    public Button projectorButton() {
        return Toolbar.button(
                "p-guess", "Guess", "Guess the next token on or off (Ctrl+G)", this::toggle);
    }

    public GuessViewModel viewModel() {
        return vm;
    }
}
