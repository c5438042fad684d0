package dev.samplinglab.app.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.scene.Scene;

/**
 * Measures "command to charts drawn": from a Step/Back key or button to the end of the first layout
 * pulse after the charts were updated (canvas commands recorded, layout done).
 */
public final class LatencyProbe {
    private final List<Double> millis = new ArrayList<>();
    private long start = -1;

    /** Marks the moment a command was issued. */
    public void commandIssued() {
        if (Boolean.getBoolean("samplinglab.debugTiming")) {
            System.err.println("command");
        }
        if (start < 0) {
            start = System.nanoTime();
        }
    }

    /** Call after the charts were updated; records at the end of the next layout pulse. */
    public void chartsUpdated(Scene scene) {
        if (start < 0 || scene == null) {
            return;
        }
        long begin = start;
        start = -1;
        if (Boolean.getBoolean("samplinglab.debugTiming")) {
            System.err.printf("updated %.1f ms%n", (System.nanoTime() - begin) / 1e6);
        }
        Runnable[] listener = new Runnable[1];
        listener[0] =
                () -> {
                    scene.removePostLayoutPulseListener(listener[0]);
                    synchronized (millis) {
                        millis.add((System.nanoTime() - begin) / 1e6);
                    }
                };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    public List<Double> samples() {
        synchronized (millis) {
            return List.copyOf(millis);
        }
    }

    /** The q-quantile (0..1) of the samples, NaN when none. */
    public double quantile(double q) {
        double[] v;
        synchronized (millis) {
            v = millis.stream().mapToDouble(Double::doubleValue).toArray();
        }
        if (v.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(v);
        int i = (int) Math.ceil(q * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }
}
