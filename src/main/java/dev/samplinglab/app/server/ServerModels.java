package dev.samplinglab.app.server;

import dev.samplinglab.app.step.ControlsPane;
import dev.samplinglab.app.step.StepViewModel;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import javafx.stage.Window;

/**
 * Wires inference servers into the step window: the picker's "Inference server…" action opens the
 * dialog (filled from the current model when it is a server model), and Open loads the server model
 * through the step window's usual model-loading path, so Step, Compare, the timeline and the
 * exports work on it like on any model.
 */
public final class ServerModels {
    /** Environment variables, each overridable by {@code -Dsamplinglab.env.NAME=...} (tests). */
    public static final UnaryOperator<String> SYSTEM_ENV =
            name -> System.getProperty("samplinglab.env." + name, System.getenv(name));

    private final ControlsPane controls;
    private final StepViewModel vm;
    private final ServerProbe probe;
    private final Executor background;
    private final Executor ui;
    private ServerDialog dialog;
    private ServerDialogViewModel dialogModel;

    /**
     * @param probe asks servers ({@link ServerProbe#ENGINE} in the app)
     * @param background the thread the dialog's requests run on (never the model worker)
     * @param ui hops to the FX thread
     */
    public ServerModels(
            ControlsPane controls,
            StepViewModel vm,
            ServerProbe probe,
            Executor background,
            Executor ui) {
        this.controls = controls;
        this.vm = vm;
        this.probe = probe;
        this.background = background;
        this.ui = ui;
    }

    /** Adds "Inference server…" to the picker, with the dialog owned by {@code owner}. */
    public ServerModels attach(Window owner) {
        controls.setOnServerModel(() -> showDialog(owner));
        return this;
    }

    /** The dialog's state once it has been opened (tests fill its fields). */
    public ServerDialogViewModel dialogModel() {
        return dialogModel;
    }

    /** Opens (or brings up) the dialog. */
    public ServerDialog showDialog(Window owner) {
        if (dialog == null) {
            dialogModel = new ServerDialogViewModel(probe, SYSTEM_ENV, background, ui);
            dialog = new ServerDialog(owner, dialogModel, vm::loadModel);
        }
        dialogModel.load(vm.modelSpecProperty().get());
        dialog.show();
        return dialog;
    }
}
