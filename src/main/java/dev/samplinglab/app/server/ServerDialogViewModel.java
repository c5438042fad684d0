package dev.samplinglab.app.server;

import dev.samplinglab.app.common.BackgroundWorker;
import dev.samplinglab.engine.BadInputException;
import dev.samplinglab.engine.server.ServerAddress;
import dev.samplinglab.engine.server.ServerFlavour;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "Inference server…" dialog's state: base URL, API flavour (detected or chosen), the model
 * (listed from the server), the name of the environment variable that holds the API key, and a
 * connection test with a verdict. The fields make one {@link ServerAddress}, whose text is the
 * model spec the step window opens. Network work runs on the worker through a {@link
 * BackgroundWorker}; Cancel interrupts it and drops its result at once. Properties change on the UI
 * executor only (the FX thread in the app, the calling thread in tests).
 */
public final class ServerDialogViewModel {
    /** The outcome shown with the status line. */
    public enum Verdict {
        NONE,
        WORKING,
        OK,
        FAILED
    }

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final ServerProbe probe;
    private final UnaryOperator<String> env;
    private final BackgroundWorker worker;
    private final AtomicReference<Thread> running = new AtomicReference<>();
    private final StringProperty baseUrl =
            new SimpleStringProperty(this, "url", "http://127.0.0.1:8080");
    private final ObjectProperty<ApiChoice> api =
            new SimpleObjectProperty<>(this, "api", ApiChoice.DETECT);
    private final ReadOnlyObjectWrapper<ServerFlavour> detected =
            new ReadOnlyObjectWrapper<>(this, "detected");
    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    private final StringProperty keyEnv = new SimpleStringProperty(this, "keyEnv", "");
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<Verdict> verdict =
            new ReadOnlyObjectWrapper<>(this, "verdict", Verdict.NONE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private BackgroundWorker.Ticket ticket;

    /**
     * @param probe asks the server (blocking; on the worker thread)
     * @param env reads an environment variable by name (null when unset)
     * @param background the thread network work runs on
     * @param ui hops to the UI thread
     */
    public ServerDialogViewModel(
            ServerProbe probe, UnaryOperator<String> env, Executor background, Executor ui) {
        this.probe = probe;
        this.env = env;
        this.worker = new BackgroundWorker(background, ui, this::failed);
        baseUrl.addListener((obs, o, n) -> detected.set(null));
        api.addListener((obs, o, n) -> detected.set(null));
    }

    /** Fills the fields from an earlier server spec (the step window's current model). */
    public void load(String spec) {
        if (spec == null || !ServerAddress.matches(spec)) {
            return;
        }
        try {
            ServerAddress a = ServerAddress.parse(spec);
            baseUrl.set(a.base().toString());
            api.set(a.flavour().map(ApiChoice::of).orElse(ApiChoice.DETECT));
            model.set(a.model().orElse(""));
            keyEnv.set(KeyEnv.of(spec).orElse(""));
        } catch (BadInputException e) {
            // an old spec that no longer parses: keep the defaults
        }
    }

    /** Asks the server which API it speaks (when set to detect) and which models it lists. */
    public void listModels() {
        ServerAddress a = address(false);
        if (a == null) {
            return;
        }
        start("Asking %s for its models…".formatted(a.base()));
        worker.submit(
                ticket,
                () -> inWorker(() -> listing(a)),
                listing -> {
                    finish();
                    show(listing.flavour(), listing.models(), null);
                    verdict.set(Verdict.NONE);
                    status.set(
                            "%s at %s lists %s"
                                    .formatted(
                                            listing.flavour().label(),
                                            a.base(),
                                            count(listing.models().size())));
                });
    }

    /**
     * Tests the connection: detects the flavour, lists the models and asks for one token with its
     * log-probabilities; the verdict is one line either way.
     */
    public void testConnection() {
        ServerAddress a = address(true);
        if (a == null) {
            return;
        }
        start("Testing %s…".formatted(a.base()));
        worker.submit(
                ticket,
                () -> inWorker(() -> probe.test(a)),
                v -> {
                    finish();
                    show(v.address().flavour().orElse(null), v.models(), v.address());
                    verdict.set(v.ok() ? Verdict.OK : Verdict.FAILED);
                    status.set(v.message());
                });
    }

    /** Stops the request in flight at once; its answer, if any, is dropped. */
    public void cancel() {
        if (!busy.get()) {
            return;
        }
        ticket = worker.supersede();
        Thread t = running.get();
        if (t != null) {
            t.interrupt();
        }
        finish();
        verdict.set(Verdict.NONE);
        status.set("Cancelled.");
    }

    /** The spec to open, or null after showing what is wrong with the fields. */
    public String specToOpen() {
        ServerAddress a = address(true);
        return a == null ? null : a.text();
    }

    /** Opens the server model through {@code opener} when the fields make a valid spec. */
    public boolean open(Consumer<String> opener) {
        String spec = specToOpen();
        if (spec != null) {
            cancel();
            opener.accept(spec);
        }
        return spec != null;
    }

    private record Listing(ServerFlavour flavour, List<String> models) {}

    /** The fields as an address, or null with the problem in the status line. */
    private ServerAddress address(boolean withModel) {
        String name = trimmed(keyEnv.get());
        if (!name.isEmpty() && !ENV_NAME.matcher(name).matches()) {
            return problem(
                    ("'%s' is not an environment variable name: type the NAME of the variable that"
                                    + " holds the key (e.g. VLLM_API_KEY), never the key itself")
                            .formatted(abbreviated(name)));
        }
        if (!name.isEmpty() && env.apply(name) == null) {
            return problem(
                    ("the environment variable %s is not set; set it to the API key before"
                                    + " starting the app, or leave the field empty")
                            .formatted(name));
        }
        String url = trimmed(baseUrl.get());
        if (url.isEmpty()) {
            return problem("type the server's base URL, e.g. http://127.0.0.1:8080");
        }
        ServerFlavour f = api.get().flavour().orElse(detected.get());
        String m = withModel ? trimmed(model.get()) : "";
        String text =
                ServerAddress.PREFIX
                        + (f == null ? "" : f.key() + "+")
                        + url
                        + KeyEnv.query(name)
                        + (m.isEmpty() ? "" : "#" + m);
        try {
            return ServerAddress.parse(text);
        } catch (BadInputException e) {
            return problem(e.getMessage());
        }
    }

    private ServerAddress problem(String message) {
        verdict.set(Verdict.FAILED);
        status.set(message);
        return null;
    }

    private void start(String message) {
        ticket = worker.supersede();
        busy.set(true);
        verdict.set(Verdict.WORKING);
        status.set(message);
    }

    private void finish() {
        busy.set(false);
    }

    private void failed(String message) {
        finish();
        verdict.set(Verdict.FAILED);
        status.set("Failed: " + message);
    }

    /** Runs network work on the worker, interruptible by {@link #cancel()}. */
    private <T> T inWorker(BackgroundWorker.Work<T> work) throws Exception {
        running.set(Thread.currentThread());
        try {
            return work.run();
        } finally {
            running.set(null);
            Thread.interrupted(); // a late cancel must not leak into the next job
        }
    }

    private Listing listing(ServerAddress a) throws Exception {
        ServerFlavour f = a.flavour().isPresent() ? a.flavour().get() : probe.detect(a);
        return new Listing(f, List.copyOf(probe.models(a.withFlavour(f))));
    }

    /** Shows what the server said: its flavour, its models, and the model a test chose. */
    private void show(ServerFlavour flavour, List<String> listed, ServerAddress tested) {
        detected.set(flavour);
        models.setAll(listed);
        String chosen = tested == null ? null : tested.model().orElse(null);
        if (chosen != null) {
            model.set(chosen);
        } else if (!listed.isEmpty() && !listed.contains(trimmed(model.get()))) {
            model.set(listed.get(0));
        }
    }

    private static String count(int n) {
        return n == 1 ? "1 model" : n + " models";
    }

    private static String abbreviated(String s) {
        return s.length() <= 12 ? s : s.substring(0, 6) + "…";
    }

    private static String trimmed(String s) {
        return s == null ? "" : s.strip();
    }

    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    /** The chosen flavour, or detect. */
    public ObjectProperty<ApiChoice> apiProperty() {
        return api;
    }

    /** The flavour the last listing or test found; null before (or after the URL changed). */
    public ReadOnlyObjectProperty<ServerFlavour> detectedProperty() {
        return detected.getReadOnlyProperty();
    }

    /** The model name; empty for the server's first model. */
    public StringProperty modelProperty() {
        return model;
    }

    /** The models the server listed. */
    public ObservableList<String> models() {
        return models;
    }

    /** Name of the environment variable with the API key (never the key). */
    public StringProperty keyEnvProperty() {
        return keyEnv;
    }

    /** What is happening, or the verdict of the last test, in one line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** True while a request is in flight (Cancel enabled, progress shown). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
