package dev.samplinglab.app.common;

/** Calls a task periodically on the UI thread (the Run command); tests tick by hand. */
@FunctionalInterface
public interface Ticker {

    /** Starts ticking every {@code periodMillis}; returns what stops it. */
    Runnable start(long periodMillis, Runnable tick);
}
