package dev.samplinglab.app.common;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Run / Pause for a view model: while running, a {@link Ticker} calls {@code tick} every period,
 * and the tick steps only when no model work is pending (so a slow model is never queued up).
 */
public final class RunLoop {
    private final ReadOnlyBooleanWrapper running;
    private final Ticker ticker;
    private final LongSupplier periodMillis;
    private final BooleanSupplier idle;
    private final Runnable step;
    private Runnable stopTicker;

    /**
     * @param bean the owning view model (for the property)
     * @param ticker the clock
     * @param periodMillis the current tick period
     * @param idle true when no model work is pending
     * @param step what one tick does when idle
     */
    public RunLoop(
            Object bean,
            Ticker ticker,
            LongSupplier periodMillis,
            BooleanSupplier idle,
            Runnable step) {
        this.running = new ReadOnlyBooleanWrapper(bean, "running");
        running.addListener((obs, was, now) -> DecodeCores.animating(now));
        this.ticker = ticker;
        this.periodMillis = periodMillis;
        this.idle = idle;
        this.step = step;
    }

    public void toggle() {
        if (running.get()) {
            stop();
        } else {
            running.set(true);
            restart();
        }
    }

    public void stop() {
        running.set(false);
        cancelTicker();
    }

    /** Picks up a new period while running. */
    public void restart() {
        cancelTicker();
        if (running.get()) {
            stopTicker = ticker.start(periodMillis.getAsLong(), this::tick);
        }
    }

    private void cancelTicker() {
        if (stopTicker != null) {
            stopTicker.run();
            stopTicker = null;
        }
    }

    private void tick() {
        if (running.get() && idle.getAsBoolean()) {
            step.run();
        }
    }

    boolean isRunning() {
        return running.get();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
