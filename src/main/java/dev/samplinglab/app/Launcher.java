package dev.samplinglab.app;

import dev.samplinglab.app.lesson.LessonArgs;
import dev.samplinglab.engine.BadInputException;
import dev.samplinglab.engine.JvmDefaults;
import javafx.application.Application;

/**
 * Starts the JavaFX app. Kept separate from {@link SamplingLabApp} because a fat jar's main class
 * must not extend Application.
 */
public final class Launcher {
    private Launcher() {}

    /**
     * The charts are Canvas drawings that change every step. Without a GPU, JavaFX's GL pipeline
     * runs on Mesa's llvmpipe, whose render threads compete with the model for the cores: step to
     * charts drawn measured p95 55-100 ms there against 37-46 ms with the software pipeline on a
     * 2-core machine. {@code -Dprism.order=es2} chooses GL again.
     */
    public static void useSoftwareRendererByDefault() {
        if (System.getProperty("prism.order") == null) {
            System.setProperty("prism.order", "sw");
        }
    }

    public static void main(String[] args) {
        try {
            LessonArgs.lesson(java.util.List.of(args));
        } catch (BadInputException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        JvmDefaults.apply();
        useSoftwareRendererByDefault();
        Application.launch(SamplingLabApp.class, args);
    }
}
