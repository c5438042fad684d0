package dev.samplinglab.app.cachelab;

import dev.samplinglab.app.common.BackgroundWorker;
import dev.samplinglab.app.common.LabModels;
import dev.samplinglab.engine.generate.CacheLab;
import dev.samplinglab.engine.generate.LanguageModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and commands of the KV-cache lab: runs {@link CacheLab} on a background executor (never the
 * UI thread), streams the per-position timings back in batches, and cancels at once: the UI stops
 * at the click, the engine at its next check between passes.
 */
public final class CacheLabViewModel {
    public static final String GPT2_SMALL = "random:gpt2-small";

    private final LabModels models;
    private final BackgroundWorker worker;

    // runner-thread state
    private String openSpec;
    private LanguageModel lm;

    private final StringProperty modelSpec = new SimpleStringProperty(this, "spec", "bundled");
    private final StringProperty prompt = new SimpleStringProperty(this, "prompt", "The");
    private final IntegerProperty tokens = new SimpleIntegerProperty(this, "tokens", 256);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper modelName = new ReadOnlyStringWrapper(this, "model", "");
    private final ReadOnlyIntegerWrapper layers = new ReadOnlyIntegerWrapper(this, "layers");
    private final ReadOnlyIntegerWrapper kvHeads = new ReadOnlyIntegerWrapper(this, "kvHeads");
    private final ReadOnlyIntegerWrapper headDim = new ReadOnlyIntegerWrapper(this, "headDim");
    private final ReadOnlyIntegerWrapper context = new ReadOnlyIntegerWrapper(this, "context");
    private final ReadOnlyIntegerWrapper promptLength = new ReadOnlyIntegerWrapper(this, "prompt");
    private final ReadOnlyIntegerWrapper cacheLength = new ReadOnlyIntegerWrapper(this, "cache");
    private final ReadOnlyIntegerWrapper positions = new ReadOnlyIntegerWrapper(this, "positions");
    private final ReadOnlyLongWrapper cacheBytes = new ReadOnlyLongWrapper(this, "bytes");
    private final ReadOnlyDoubleWrapper cachedTotal = new ReadOnlyDoubleWrapper(this, "cached");
    private final ReadOnlyDoubleWrapper uncachedTotal = new ReadOnlyDoubleWrapper(this, "full");
    private final ReadOnlyDoubleWrapper maxDiff =
            new ReadOnlyDoubleWrapper(this, "diff", Double.NaN);
    private final ObservableList<CacheLab.Sample> samples = FXCollections.observableArrayList();
    // one wrapper: its listener on the backing list is weak, so a fresh one per call is lost
    private final ObservableList<CacheLab.Sample> samplesView =
            FXCollections.unmodifiableObservableList(samples);
    private final ObservableList<String> modelChoices =
            FXCollections.observableArrayList("bundled", GPT2_SMALL);
    private final javafx.beans.binding.StringBinding unavailable =
            javafx.beans.binding.Bindings.createStringBinding(
                    () -> unavailableReason(modelSpec.get()), modelSpec);
    private AtomicBoolean cancel = new AtomicBoolean();

    /** Why the lab cannot run on {@code spec} in one line; empty when it can. */
    public static String unavailableReason(String spec) {
        return spec != null && dev.samplinglab.engine.server.ServerAddress.matches(spec.strip())
                ? "Unavailable for an inference-server model: the server owns its KV cache and"
                        + " sends only each step's top log-probabilities. Choose "
                        + GPT2_SMALL
                        + " to time the cache."
                : "";
    }

    /** {@link #unavailableReason} of the chosen model, updated as it changes. */
    public javafx.beans.binding.StringBinding unavailableProperty() {
        return unavailable;
    }

    public CacheLabViewModel(LabModels models, Executor runner, Executor ui) {
        this.models = models;
        this.worker = new BackgroundWorker(runner, ui, this::failed);
    }

    /** Starts a run of {@link #tokensProperty()} positions (a running one is cancelled first). */
    public void start() {
        cancel();
        if (!unavailable.get().isEmpty()) {
            status.set(unavailable.get());
            return;
        }
        BackgroundWorker.Ticket run = worker.supersede();
        AtomicBoolean stop = new AtomicBoolean();
        cancel = stop;
        String spec = modelSpec.get();
        String text = prompt.get();
        int n = tokens.get();
        samples.clear();
        cachedTotal.set(0);
        uncachedTotal.set(0);
        maxDiff.set(Double.NaN);
        progress.set(0);
        cacheLength.set(0);
        cacheBytes.set(0);
        running.set(true);
        status.set("Opening %s…".formatted(spec));
        worker.submit(run, () -> run(run, spec, text, n, stop), this::finish);
    }

    /** Stops the run now: the view stops at once, the engine at its next check. */
    public void cancel() {
        cancel.set(true);
        worker.supersede();
        if (running.get()) {
            running.set(false);
            status.set(
                    String.format(
                            Locale.ROOT,
                            "Cancelled after %d of %d positions.",
                            cacheLength.get(),
                            positions.get()));
        }
    }

    // ---- runner thread ----------------------------------------------------------------------

    private CacheLab.Result run(
            BackgroundWorker.Ticket run, String spec, String text, int n, AtomicBoolean stop)
            throws Exception {
        LanguageModel model = open(spec);
        var c = model.summary();
        int total = Math.max(2, Math.min(n, c.context()));
        int[] ids = promptIds(model, text, total);
        run.post(
                () -> {
                    modelName.set(model.name());
                    layers.set(c.layers());
                    kvHeads.set(c.kvHeads());
                    headDim.set(c.headDim());
                    context.set(c.context());
                    promptLength.set(ids.length);
                    positions.set(total);
                    status.set("Running %s…".formatted(model.name()));
                });
        Batcher batcher = new Batcher(run);
        CacheLab.Result r =
                new CacheLab(model.model())
                        .run(new CacheLab.Options(ids, total, true), batcher, stop::get);
        batcher.flush();
        return r;
    }

    private void failed(String message) {
        running.set(false);
        status.set("Failed: " + message);
    }

    private LanguageModel open(String spec) throws Exception {
        if (lm != null && Objects.equals(spec, openSpec)) {
            return lm;
        }
        LanguageModel opened = models.open(spec);
        closeModel();
        lm = opened;
        openSpec = spec;
        return lm;
    }

    /** The prompt's ids, at most a quarter of the run (at least one token). */
    private static int[] promptIds(LanguageModel model, String text, int total) {
        int[] ids = model.tokenizer().encode(text == null ? "" : text);
        if (ids.length == 0) {
            ids = new int[] {model.eosId()};
        }
        return Arrays.copyOf(ids, Math.max(1, Math.min(ids.length, total / 4)));
    }

    /** Sends samples to the UI in batches, so a fast model does not flood the UI queue. */
    private final class Batcher implements CacheLab.Listener {
        private final BackgroundWorker.Ticket run;
        private final ConcurrentLinkedQueue<CacheLab.Sample> queue = new ConcurrentLinkedQueue<>();
        private long lastPost;

        Batcher(BackgroundWorker.Ticket run) {
            this.run = run;
        }

        @Override
        public void prefilled(int length, double millis, long bytes) {
            run.post(
                    () -> {
                        cacheBytes.set(bytes);
                        cacheLength.set(length);
                    });
        }

        @Override
        public void decoded(CacheLab.Sample s) {
            queue.add(s);
            long now = System.nanoTime();
            if (now - lastPost > 30_000_000L) {
                lastPost = now;
                flush();
            }
        }

        void flush() {
            List<CacheLab.Sample> batch = new ArrayList<>();
            for (CacheLab.Sample s; (s = queue.poll()) != null; ) {
                batch.add(s);
            }
            if (!batch.isEmpty()) {
                run.post(() -> addSamples(batch));
            }
        }
    }

    // ---- UI thread --------------------------------------------------------------------------

    private void addSamples(List<CacheLab.Sample> batch) {
        samples.addAll(batch);
        double c = cachedTotal.get();
        double u = uncachedTotal.get();
        double d = Double.isNaN(maxDiff.get()) ? 0 : maxDiff.get();
        for (CacheLab.Sample s : batch) {
            c += s.cachedMillis();
            u += s.uncachedMillis();
            d = Math.max(d, s.absDiff());
        }
        cachedTotal.set(c);
        uncachedTotal.set(u);
        maxDiff.set(d);
        CacheLab.Sample last = batch.get(batch.size() - 1);
        cacheBytes.set(last.cacheBytes());
        cacheLength.set(last.cacheLength());
        progress.set((double) (last.position() + 1) / positions.get());
    }

    private void finish(CacheLab.Result r) {
        running.set(false);
        progress.set(r.cancelled() ? progress.get() : 1);
        status.set(
                String.format(
                        Locale.ROOT,
                        "%s: %d positions · cached %.0f ms · without cache %.0f ms · speedup"
                                + " %.1f× · max |Δlogit| %.2g (%s)",
                        r.cancelled() ? "Cancelled" : "Done",
                        r.tokens().length,
                        r.cachedTotalMillis(),
                        r.uncachedTotalMillis(),
                        r.speedup(),
                        r.maxAbsDiff(),
                        identical(r.maxAbsDiff()) ? "identical logits" : "logits differ"));
    }

    /** Whether two logit vectors count as identical (fp32 rounding only). */
    public static boolean identical(double maxAbsDiff) {
        return maxAbsDiff <= 1e-4;
    }

    /** Uncached over cached time so far, NaN before the first sample. */
    public double speedup() {
        return cachedTotal.get() == 0 ? Double.NaN : uncachedTotal.get() / cachedTotal.get();
    }

    /** The memory formula with the current numbers filled in (GQA stores only the kv heads). */
    public String formula() {
        return String.format(
                Locale.ROOT,
                "2 · layers · positions · kv_heads · head_dim · 4 = 2 · %d · %d · %d · %d · 4"
                        + " = %,d bytes",
                layers.get(),
                cacheLength.get(),
                kvHeads.get(),
                headDim.get(),
                CacheLab.cacheBytes(layers.get(), cacheLength.get(), kvHeads.get(), headDim.get()));
    }

    /** Completes when the runner has finished everything submitted so far (the engine stopped). */
    public java.util.concurrent.CompletableFuture<Void> idle() {
        return worker.idle();
    }

    /** Cancels and closes the model (through the runner). */
    public void shutdown() {
        cancel();
        worker.execute(this::closeModel);
    }

    private void closeModel() {
        if (lm != null) {
            models.release(lm);
            lm = null;
            openSpec = null;
        }
    }

    // ---- properties -------------------------------------------------------------------------

    /** Model to run: the step window's ("bundled", a folder) or {@link #GPT2_SMALL}. */
    public StringProperty modelSpecProperty() {
        return modelSpec;
    }

    public ObservableList<String> modelChoices() {
        return modelChoices;
    }

    public StringProperty promptProperty() {
        return prompt;
    }

    /** Positions to reach, prompt included (clamped to the context). */
    public IntegerProperty tokensProperty() {
        return tokens;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelNameProperty() {
        return modelName.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty layersProperty() {
        return layers.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty kvHeadsProperty() {
        return kvHeads.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty headDimProperty() {
        return headDim.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty contextProperty() {
        return context.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty promptLengthProperty() {
        return promptLength.getReadOnlyProperty();
    }

    /** Positions the cache holds now. */
    public ReadOnlyIntegerProperty cacheLengthProperty() {
        return cacheLength.getReadOnlyProperty();
    }

    /** Positions of the whole run. */
    public ReadOnlyIntegerProperty positionsProperty() {
        return positions.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty cacheBytesProperty() {
        return cacheBytes.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty cachedTotalMillisProperty() {
        return cachedTotal.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty uncachedTotalMillisProperty() {
        return uncachedTotal.getReadOnlyProperty();
    }

    /** Largest |logit difference| so far, NaN before the first sample. */
    public ReadOnlyDoubleProperty maxDiffProperty() {
        return maxDiff.getReadOnlyProperty();
    }

    /** Per-position timings so far. */
    public ObservableList<CacheLab.Sample> samples() {
        return samplesView;
    }
}
