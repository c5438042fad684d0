package dev.samplinglab.app.step;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.scene.Scene;

/**
 * Measures "command to charts drawn": from a Step/Back key or button to the end of the first layout
 * pulse after the charts were updated (canvas commands recorded, layout done).
 */
public final class LatencyProbe {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final List<Double> millis = new ArrayList<>();
    private final List<Double> cpuMillis = new ArrayList<>();
    private long start = -1;
    private long startCpu;

    /** Marks the moment a command was issued. */
    public void commandIssued() {
        if (start < 0) {
            start = System.nanoTime();
            startCpu = THREADS.getCurrentThreadCpuTime();
        }
    }

    /** Call after the charts were updated; records at the end of the next layout pulse. */
    public void chartsUpdated(Scene scene) {
        if (start < 0 || scene == null) {
            return;
        }
        long begin = start;
        long beginCpu = startCpu;
        start = -1;
        Runnable[] listener = new Runnable[1];
        listener[0] =
                () -> {
                    scene.removePostLayoutPulseListener(listener[0]);
                    synchronized (millis) {
                        millis.add((System.nanoTime() - begin) / 1e6);
                        cpuMillis.add((THREADS.getCurrentThreadCpuTime() - beginCpu) / 1e6);
                    }
                };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    public List<Double> samples() {
        synchronized (millis) {
            return List.copyOf(millis);
        }
    }

    /** The q-quantile (0..1) of the wall-clock samples, NaN when none. */
    public double quantile(double q) {
        synchronized (millis) {
            return quantile(millis, q);
        }
    }

    /**
     * The q-quantile of the FX thread's CPU time from command to charts laid out: the UI's own
     * cost, which CPU contention from other processes does not inflate.
     */
    public double cpuQuantile(double q) {
        synchronized (millis) {
            return quantile(cpuMillis, q);
        }
    }

    private static double quantile(List<Double> samples, double q) {
        double[] v = samples.stream().mapToDouble(Double::doubleValue).toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(v);
        int i = (int) Math.ceil(q * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }
}
