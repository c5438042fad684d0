package dev.samplinglab.app.server;

import dev.samplinglab.app.common.BackgroundWorker;
import java.util.List;
import java.util.Locale;
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
 * connection test with a verdict. Network work runs on the worker through a {@link
 * BackgroundWorker}; Cancel interrupts it and drops its result at once. Properties change on the UI
 * executor only (the FX thread in the app, the calling thread in tests).
 */
public final class ServerDialogViewModel {
    /** The outcome shown next to the status line. */
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
    private final StringProperty baseUrl = new SimpleStringProperty(this, "url", "");
    private final ObjectProperty<ServerApi> api =
            new SimpleObjectProperty<>(this, "api", ServerApi.DETECT);
    private final ReadOnlyObjectWrapper<ServerApi> detected =
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
        baseUrl.set("http://127.0.0.1:8080");
    }

    /** Fills the fields from an earlier server spec (the picker's current server model). */
    public void load(String spec) {
        ServerSpecText.parse(spec)
                .ifPresent(
                        s -> {
                            baseUrl.set(s.baseUrl());
                            model.set(s.model());
                            api.set(s.api());
                            keyEnv.set(s.keyEnv());
                        });
    }

    /** Asks the server which API it speaks (when set to detect) and which models it lists. */
    public void listModels() {
        Request r = request(false);
        if (r == null) {
            return;
        }
        start("Asking %s for its models…".formatted(r.url()));
        worker.submit(
                ticket,
                () -> inWorker(() -> listing(r)),
                listing -> {
                    finish();
                    showListing(listing);
                    status.set(
                            "%s: %s at %s"
                                    .formatted(
                                            listing.api().label(),
                                            count(listing.models().size()),
                                            r.url()));
                });
    }

    /**
     * Tests the connection: detects the flavour, lists the models, checks the chosen model is among
     * them and asks for one token with its log-probabilities.
     */
    public void testConnection() {
        Request r = request(true);
        if (r == null) {
            return;
        }
        start("Testing %s…".formatted(r.url()));
        worker.submit(
                ticket,
                () -> inWorker(() -> test(r)),
                result -> {
                    finish();
                    showListing(result.listing());
                    verdict.set(Verdict.OK);
                    status.set(
                            String.format(
                                    Locale.ROOT,
                                    "Connected: %s at %s serves %s; one step gave %s (%.0f ms).",
                                    result.listing().api().label(),
                                    r.url(),
                                    r.model(),
                                    result.step(),
                                    result.millis()));
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

    /**
     * The spec to open, or null after showing what is missing (a URL, a model, a variable name).
     */
    public String specToOpen() {
        Request r = request(true);
        return r == null
                ? null
                : new ServerSpecText(r.url(), r.model(), api.get(), r.keyEnv()).text();
    }

    /** Opens the server model through {@code opener} when the fields are complete. */
    public boolean open(Consumer<String> opener) {
        String spec = specToOpen();
        if (spec != null) {
            cancel();
            opener.accept(spec);
        }
        return spec != null;
    }

    private record Request(String url, String model, String keyEnv, ServerApi api) {}

    private record Listing(ServerApi api, List<String> models) {}

    private record TestResult(Listing listing, String step, double millis) {}

    /** The fields checked, or null with the problem in the status line. */
    private Request request(boolean needModel) {
        String url = trimmed(baseUrl.get());
        String problem = urlProblem(url);
        while (url.endsWith("/") && problem == null) {
            url = url.substring(0, url.length() - 1);
        }
        String name = trimmed(keyEnv.get());
        if (problem == null && !name.isEmpty() && !ENV_NAME.matcher(name).matches()) {
            problem =
                    ("'%s' is not an environment variable name: type the NAME of the variable that"
                                    + " holds the key (e.g. VLLM_API_KEY), never the key itself")
                            .formatted(abbreviated(name));
        }
        if (problem == null && needModel && trimmed(model.get()).isEmpty()) {
            problem = "choose a model: press List models, or type its name";
        }
        if (problem != null) {
            verdict.set(Verdict.FAILED);
            status.set(problem);
            return null;
        }
        return new Request(url, trimmed(model.get()), name, api.get());
    }

    private static String urlProblem(String url) {
        if (url.isEmpty()) {
            return "type the server's base URL, e.g. http://127.0.0.1:8080";
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return "'%s' is not an http:// or https:// URL".formatted(url);
        }
        try {
            if (java.net.URI.create(url).getHost() == null) {
                return "'%s' has no host name".formatted(url);
            }
        } catch (IllegalArgumentException e) {
            return "'%s' is not a URL: %s".formatted(url, e.getMessage());
        }
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

    private Listing listing(Request r) throws Exception {
        String key = key(r.keyEnv());
        ServerApi found = r.api() == ServerApi.DETECT ? probe.detect(r.url(), key) : r.api();
        return new Listing(found, List.copyOf(probe.models(r.url(), found, key)));
    }

    private TestResult test(Request r) throws Exception {
        Listing listing = listing(r);
        if (!listing.models().isEmpty() && !listing.models().contains(r.model())) {
            throw new IllegalArgumentException(
                    "the server does not list model '%s'; it serves %s"
                            .formatted(r.model(), String.join(", ", first(listing.models(), 5))));
        }
        long t0 = System.nanoTime();
        String step = probe.step(r.url(), listing.api(), r.model(), key(r.keyEnv()));
        return new TestResult(listing, step, (System.nanoTime() - t0) / 1e6);
    }

    private String key(String name) {
        if (name.isEmpty()) {
            return null;
        }
        String value = env.apply(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    ("the environment variable %s is not set; set it to the API key before starting"
                                    + " the app, or leave the field empty")
                            .formatted(name));
        }
        return value.strip();
    }

    private void showListing(Listing listing) {
        detected.set(listing.api());
        models.setAll(listing.models());
        if (!listing.models().isEmpty() && !listing.models().contains(trimmed(model.get()))) {
            model.set(listing.models().get(0));
        }
    }

    private static List<String> first(List<String> list, int n) {
        return list.size() <= n ? list : list.subList(0, n);
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

    /** The chosen flavour; {@link ServerApi#DETECT} asks the server. */
    public ObjectProperty<ServerApi> apiProperty() {
        return api;
    }

    /** The flavour the last listing or test used (detected or chosen); null before. */
    public ReadOnlyObjectProperty<ServerApi> detectedProperty() {
        return detected.getReadOnlyProperty();
    }

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

    /** What is happening, or the verdict of the last test in one line. */
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
