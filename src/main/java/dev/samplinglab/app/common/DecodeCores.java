package dev.samplinglab.app.common;

import dev.samplinglab.engine.model.DecodeThreads;

/**
 * The app's thread policy for decoding: every core while the UI is idle (a single step, a branch, a
 * reset: the charts wait for the model), one core fewer while a Run loop animates, so the UI thread
 * and the renderer keep a core of their own. {@code -Dsamplinglab.decode.threads=N} fixes the count
 * instead.
 */
public final class DecodeCores {
    private static int animating;

    private DecodeCores() {}

    /** Called on the UI thread when a Run loop starts ({@code true}) or stops. */
    public static synchronized void animating(boolean running) {
        animating = Math.max(0, animating + (running ? 1 : -1));
        DecodeThreads team = DecodeThreads.shared();
        if (team.isFixed()) {
            return;
        }
        int all = team.maxThreads();
        team.setParallelism(animating > 0 ? Math.max(1, all - 1) : all);
    }
}
