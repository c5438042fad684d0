package dev.samplinglab.app;

import javafx.application.Application;

/**
 * Starts the JavaFX app. Kept separate from {@link SamplingLabApp} because a fat jar's main class
 * must not extend Application.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        dev.samplinglab.cli.Runtime.configureDefaults();
        Application.launch(SamplingLabApp.class, args);
    }
}
