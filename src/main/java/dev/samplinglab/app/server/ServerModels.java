package dev.samplinglab.app.server;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.stage.Window;

/**
 * The picker's "Inference server…" action: opens the dialog (filled from the current model when it
 * is a server model), and Open loads the chosen server model through the step window's usual
 * model-loading path.
 */
public final class ServerModels {
    private final ServerProbe probe;
    private final UnaryOperator<String> env;
    private final Executor background;
    private final Executor ui;
    private final Supplier<String> currentSpec;
    private final Consumer<String> load;
    private ServerDialog dialog;
    private ServerDialogViewModel dialogModel;

    /**
     * @param probe asks servers (the engine's HTTP clients)
     * @param env reads environment variables (the API key)
     * @param background the thread the dialog's requests run on
     * @param ui hops to the FX thread
     * @param currentSpec the step window's model spec
     * @param load loads a spec in the step window
     */
    public ServerModels(
            ServerProbe probe,
            UnaryOperator<String> env,
            Executor background,
            Executor ui,
            Supplier<String> currentSpec,
            Consumer<String> load) {
        this.probe = probe;
        this.env = env;
        this.background = background;
        this.ui = ui;
        this.currentSpec = currentSpec;
        this.load = load;
    }

    /** Opens (or brings up) the dialog. */
    public ServerDialog showDialog(Window owner) {
        if (dialog == null) {
            dialogModel = new ServerDialogViewModel(probe, env, background, ui);
            dialog = new ServerDialog(owner, dialogModel, load);
        }
        dialogModel.load(currentSpec.get());
        dialog.show();
        return dialog;
    }

    /** The dialog's view model once shown (tests). */
    public ServerDialogViewModel dialogModel() {
        return dialogModel;
    }
}
