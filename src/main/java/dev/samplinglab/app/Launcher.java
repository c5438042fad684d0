package dev.samplinglab.app;

/** Starts the JavaFX app; placeholder until the app lands. */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        System.err.println(
                "The app is not available yet; see `java -jar target/sampling-lab.jar --help`.");
    }
}
