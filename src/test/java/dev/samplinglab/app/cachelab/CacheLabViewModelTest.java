package dev.samplinglab.app.cachelab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.common.LabTestModels;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The KV-cache lab view model without the toolkit, on small random models. */
class CacheLabViewModelTest {

    @Test
    void aFullRunReportsIdenticalLogitsTimingsAndTheCacheSize() {
        CacheLabViewModel vm =
                new CacheLabViewModel(LabTestModels.opener(), Runnable::run, Runnable::run);
        vm.modelSpecProperty().set("test:2");
        vm.promptProperty().set("abcdef");
        vm.tokensProperty().set(40);
        vm.start();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.promptLengthProperty().get()).isEqualTo(6);
        assertThat(vm.samples()).hasSize(34);
        assertThat(vm.maxDiffProperty().get()).isLessThanOrEqualTo(1e-4);
        assertThat(vm.statusProperty().get()).startsWith("Done").contains("identical logits");
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.cacheLengthProperty().get()).isEqualTo(40);
        // 2 layers x 40 positions x width 16, keys and values, 4 bytes each
        assertThat(vm.cacheBytesProperty().get()).isEqualTo(2L * 2 * 40 * 16 * 4);
        assertThat(vm.formula())
                .isEqualTo(
                        "2 · layers · positions · kv_heads · head_dim · 4 = 2 · 2 · 40 · 2 · 8 · 4"
                                + " = 10,240 bytes");
        assertThat(vm.uncachedTotalMillisProperty().get()).isPositive();
        assertThat(vm.speedup()).isPositive();
        vm.shutdown();
    }

    @Test
    void aServerModelIsUnavailableWithOneLineAndNothingIsOpened() {
        java.util.List<String> opened = new java.util.ArrayList<>();
        CacheLabViewModel vm =
                new CacheLabViewModel(
                        spec -> {
                            opened.add(spec);
                            throw new AssertionError("must not open " + spec);
                        },
                        Runnable::run,
                        Runnable::run);
        vm.modelSpecProperty().set("server:llamacpp+http://127.0.0.1:8089#gpt2.gguf");
        String reason =
                "Unavailable for an inference-server model: the server owns its KV cache and sends"
                        + " only each step's top log-probabilities. Choose random:gpt2-small to"
                        + " time the cache.";
        assertThat(vm.unavailableProperty().get()).isEqualTo(reason);
        vm.start();
        assertThat(vm.statusProperty().get()).isEqualTo(reason);
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(opened).isEmpty();
        vm.modelSpecProperty().set("test:2");
        assertThat(vm.unavailableProperty().get()).isEmpty();
    }

    @Test
    void tokensAreClampedToTheContext() {
        CacheLabViewModel vm =
                new CacheLabViewModel(LabTestModels.opener(), Runnable::run, Runnable::run);
        vm.modelSpecProperty().set("test:2");
        vm.tokensProperty().set(5000);
        vm.start();
        assertThat(vm.positionsProperty().get()).isEqualTo(96);
        assertThat(vm.cacheLengthProperty().get()).isEqualTo(96);
    }

    @Test
    void aFailingModelEndsTheRunWithAMessage() {
        CacheLabViewModel vm =
                new CacheLabViewModel(LabTestModels.opener(), Runnable::run, Runnable::run);
        vm.modelSpecProperty().set("nowhere");
        vm.start();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).startsWith("Failed").contains("nowhere");
    }

    @Test
    void cancelStopsTheViewAtOnceAndTheEngineBeforeTheEnd() throws Exception {
        ExecutorService runner = Executors.newSingleThreadExecutor();
        BlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();
        CacheLabViewModel vm = new CacheLabViewModel(LabTestModels.opener(), runner, uiQueue::add);
        try {
            vm.modelSpecProperty().set("random:tiny");
            vm.tokensProperty().set(256);
            vm.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (vm.samples().size() < 3 && System.nanoTime() < deadline) {
                Runnable r = uiQueue.poll(100, TimeUnit.MILLISECONDS);
                if (r != null) {
                    r.run();
                }
            }
            assertThat(vm.samples()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(vm.runningProperty().get()).isTrue();
            vm.cancel();
            assertThat(vm.runningProperty().get()).isFalse();
            assertThat(vm.statusProperty().get()).startsWith("Cancelled");
            // the engine thread finishes the pass under way and takes the next job: a latch
            runner.submit(() -> {}).get(60, TimeUnit.SECONDS);
            int shown = vm.samples().size();
            uiQueue.forEach(Runnable::run);
            assertThat(vm.samples()).as("nothing applied after cancel").hasSize(shown);
            assertThat(vm.samples().size()).isLessThan(250);
        } finally {
            vm.shutdown();
            runner.shutdown();
            runner.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
