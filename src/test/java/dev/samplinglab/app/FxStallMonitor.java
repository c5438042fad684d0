package dev.samplinglab.app;

import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Measures how long the FX thread goes without a pulse. An AnimationTimer keeps pulses coming
 * (every ~16.7 ms); any longer gap between two of its frames is time the FX thread spent on
 * something else, such as an event handler or a runLater task. Each gap is charged to the label
 * that was current when it ended (the test's action).
 *
 * <p>Two measures: the wall-clock gap, and the FX thread's own CPU time within the gap. On a loaded
 * machine (this one runs several builds on 2 cores) the wall gap also counts time the thread was
 * runnable but not scheduled; the CPU time counts only work the app did on the FX thread.
 */
final class FxStallMonitor {
    static final boolean TRACE = Boolean.getBoolean("session.trace");
    private final AtomicReference<String> label = new AtomicReference<>("start");
    private final java.util.Queue<String> since =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.lang.management.ThreadMXBean threads =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private volatile long worstNanos;
    private volatile String worstLabel = "";
    private volatile long worstCpuNanos;
    private volatile String worstCpuLabel = "";
    private volatile int over50;
    private volatile int over100;
    private volatile long frames;
    private final java.util.Map<String, Long> busy =
            new java.util.concurrent.ConcurrentSkipListMap<>();
    private AnimationTimer timer;

    /** Starts the monitor on the FX thread. */
    static FxStallMonitor start() {
        FxStallMonitor m = new FxStallMonitor();
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(m::startOnFx));
        return m;
    }

    private void startOnFx() {
        timer =
                new AnimationTimer() {
                    private long last = -1;
                    private long lastCpu;

                    @Override
                    public void handle(long ignored) {
                        long now = System.nanoTime();
                        long cpu = threads.getCurrentThreadCpuTime();
                        if (last > 0) {
                            record(now - last, cpu - lastCpu);
                        }
                        last = now;
                        lastCpu = cpu;
                    }
                };
        timer.start();
    }

    private void record(long gap, long cpu) {
        frames++;
        String during = during();
        if (TRACE && cpu > 30_000_000L) {
            System.out.printf(
                    "busy %.1f ms, wall %.1f ms during %s%n", cpu / 1e6, gap / 1e6, during);
        }
        if (cpu > 50_000_000L) {
            busy.merge(during.replaceAll("\\d+ ", ""), cpu / 1_000_000L, Math::max);
        }
        if (cpu > worstCpuNanos) {
            worstCpuNanos = cpu;
            worstCpuLabel = during;
        }
        if (gap > 50_000_000L) {
            over50++;
        }
        if (gap > 100_000_000L) {
            over100++;
        }
        if (gap > worstNanos) {
            worstNanos = gap;
            worstLabel = during;
        }
    }

    /** The labels set since the previous frame, or the current one. */
    private String during() {
        java.util.List<String> seen = new java.util.ArrayList<>();
        for (String s; (s = since.poll()) != null; ) {
            seen.add(s);
        }
        if (seen.size() <= 1) {
            return label.get();
        }
        return String.join(" + ", seen);
    }

    /** Names what the test is doing now (charged with the next gaps). */
    void label(String what) {
        label.set(what);
        since.add(what);
    }

    void stop() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(timer::stop));
    }

    double worstMillis() {
        return worstNanos / 1e6;
    }

    String worstLabel() {
        return worstLabel;
    }

    /** The most FX-thread CPU time spent between two frames. */
    double worstBusyMillis() {
        return worstCpuNanos / 1e6;
    }

    String summary() {
        return String.format(
                java.util.Locale.ROOT,
                "worst FX-thread busy time between frames %.1f ms (during %s); worst wall gap"
                        + " %.1f ms (during %s); %d frames, %d wall gaps > 50 ms, %d > 100 ms;"
                        + " actions with > 50 ms busy (worst ms): %s",
                worstBusyMillis(),
                worstCpuLabel,
                worstMillis(),
                worstLabel,
                frames,
                over50,
                over100,
                busy);
    }
}
