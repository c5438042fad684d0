package dev.samplinglab.app.hub;

import dev.samplinglab.app.step.ControlsPane;
import dev.samplinglab.app.step.ModelChoice;
import dev.samplinglab.app.step.StepViewModel;
import dev.samplinglab.engine.hub.DownloadResult;
import dev.samplinglab.engine.hub.HubDownloader;
import dev.samplinglab.engine.hub.HubEnvironment;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * Wires the Hugging Face cache into the step window: the picker's "On this computer" section,
 * filled by a scan on a background thread (never the FX thread), and "Get a model…", whose finished
 * download opens at once.
 */
public final class HubModels {
    private final ControlsPane controls;
    private final StepViewModel vm;
    private final HubEnvironment env;
    private final Executor background;
    private final Executor ui;
    private final Supplier<List<ModelChoice>> scan;
    private GetModelDialog dialog;

    public HubModels(
            ControlsPane controls,
            StepViewModel vm,
            HubEnvironment env,
            Executor background,
            Executor ui) {
        this.controls = controls;
        this.vm = vm;
        this.env = env;
        this.background = background;
        this.ui = ui;
        this.scan = () -> CachedModels.scan(env);
    }

    /**
     * Starts the first scan and adds "Get a model…" to the picker, with dialogs owned by {@code
     * owner}.
     */
    public HubModels attach(Window owner) {
        controls.setOnGetModel(() -> showDialog(owner));
        refresh();
        return this;
    }

    /** Scans the cache again in the background and updates the picker. */
    public void refresh() {
        background.execute(
                () -> {
                    List<ModelChoice> found = scan.get();
                    ui.execute(() -> controls.setCachedModels(found));
                });
    }

    /** Opens (or brings up) the download dialog. */
    public GetModelDialog showDialog(Window owner) {
        if (dialog == null) {
            DownloadViewModel dvm =
                    new DownloadViewModel(
                            new HubDownloader(env)::download, background, ui, this::opened);
            dialog = new GetModelDialog(owner, dvm, env.cacheDir());
        }
        dialog.show();
        return dialog;
    }

    private void opened(DownloadResult r) {
        dialog.close();
        vm.loadModel(
                r.revision().equals("main")
                        ? r.repo().id()
                        : "%s@%s".formatted(r.repo(), r.revision()));
        refresh();
    }
}
