package dev.samplinglab.app.common;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/** Ticks on the FX thread with a Timeline (the Run command). */
public final class FxTicker implements Ticker {
    @Override
    public Runnable start(long periodMillis, Runnable tick) {
        Timeline timeline =
                new Timeline(new KeyFrame(Duration.millis(periodMillis), e -> tick.run()));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
        return timeline::stop;
    }
}
