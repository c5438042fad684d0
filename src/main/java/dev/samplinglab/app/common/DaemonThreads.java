package dev.samplinglab.app.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Named single daemon threads, so background work never keeps the JVM alive after the window. */
public final class DaemonThreads {
    private DaemonThreads() {}

    /** One daemon thread called {@code name}. */
    public static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(
                r -> {
                    Thread t = new Thread(r, name);
                    t.setDaemon(true);
                    return t;
                });
    }
}
