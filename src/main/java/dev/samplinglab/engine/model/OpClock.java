package dev.samplinglab.engine.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall time per op type inside a decoder's forward pass, for the profile in {@code
 * docs/performance.md}. libtorch's CPU ops are synchronous, so the time between two laps is the
 * op's own. {@link #OFF} records nothing and costs a branch per lap.
 */
public final class OpClock {
    /** A clock that records nothing. */
    public static final OpClock OFF = new OpClock(false);

    private final boolean on;
    private final Map<String, long[]> totals = new LinkedHashMap<>(); // op -> {nanos, calls}

    private OpClock(boolean on) {
        this.on = on;
    }

    /** A clock that records every lap. */
    public static OpClock recording() {
        return new OpClock(true);
    }

    /** The time to measure the first op from. */
    public long start() {
        return on ? System.nanoTime() : 0;
    }

    /** Books the time since {@code since} to {@code op}; returns now, the next op's start. */
    public long lap(String op, long since) {
        if (!on) {
            return 0;
        }
        long now = System.nanoTime();
        long[] t = totals.computeIfAbsent(op, k -> new long[2]);
        t[0] += now - since;
        t[1]++;
        return now;
    }

    /** Nanoseconds and calls per op, in first-seen order. */
    public Map<String, long[]> totals() {
        Map<String, long[]> copy = new LinkedHashMap<>();
        totals.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    public void reset() {
        totals.clear();
    }
}
