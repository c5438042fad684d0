package dev.samplinglab.app.chart;

import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/** Makes a lab tab follow the window's presentation mode (large type, high contrast). */
public final class Presentation {
    private Presentation() {}

    public static void follow(Region view, BooleanProperty on, Consumer<ChartTheme> themes) {
        apply(view, on.get(), themes);
        on.addListener((obs, o, n) -> apply(view, n, themes));
    }

    private static void apply(Region view, boolean on, Consumer<ChartTheme> themes) {
        view.getStyleClass().remove("presentation");
        if (on) {
            view.getStyleClass().add("presentation");
        }
        themes.accept(on ? ChartTheme.PRESENTATION : ChartTheme.NORMAL);
        for (Node n : view.lookupAll(".secondary")) {
            n.setVisible(!on);
            n.setManaged(!on);
        }
    }
}
