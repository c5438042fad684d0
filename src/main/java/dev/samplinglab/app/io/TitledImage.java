package dev.samplinglab.app.io;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.transform.Transform;

/**
 * A PNG export as an image of a fixed size, whatever the window's: a title block (model, prompt,
 * step, strategy, seed, date; see {@link ExportMeta#titleLines()}) over the content, laid out in an
 * off-screen scene (FX thread).
 */
public final class TitledImage {
    /** Height of the title block at 900 pixels; it scales with the image height. */
    static final double TITLE_HEIGHT_AT_900 = 96;

    private TitledImage() {}

    /**
     * Lays {@code content} out under the title block in a {@code size} scene with the given style
     * sheets and renders it. {@code content} must not be in another scene.
     */
    public static WritableImage render(
            ExportMeta meta, Node content, PngSize size, List<String> stylesheets) {
        double scale = size.height() / 900.0;
        VBox title = titleBlock(meta, scale);
        StackPane body = new StackPane(content);
        body.setPadding(new Insets(8 * scale));
        body.setStyle("-fx-background-color: white;");
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox root = new VBox(title, body);
        root.setStyle("-fx-background-color: white;");
        Scene scene = new Scene(root, size.width(), size.height());
        scene.getStylesheets().addAll(stylesheets);
        root.applyCss();
        root.layout();
        return scene.snapshot(new WritableImage(size.width(), size.height()));
    }

    /**
     * An image of a node already on screen, scaled to fit {@code size} below the title block (for
     * views that cannot be rebuilt off screen); vector parts stay sharp.
     */
    public static Node fitted(Node live, PngSize size) {
        double width = Math.max(1, live.getLayoutBounds().getWidth());
        double height = Math.max(1, live.getLayoutBounds().getHeight());
        double titled = size.height() * (1 - TITLE_HEIGHT_AT_900 / 900.0);
        double s = Math.min(size.width() / width, titled / height);
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(s, s));
        ImageView view = new ImageView(live.snapshot(params, null));
        view.setPreserveRatio(true);
        view.setFitWidth(size.width() - 16);
        view.setFitHeight(titled - 16);
        view.setSmooth(true);
        StackPane.setAlignment(view, Pos.TOP_CENTER);
        return view;
    }

    private static VBox titleBlock(ExportMeta meta, double scale) {
        VBox title = new VBox(2 * scale);
        title.setId("export-title");
        List<String> lines = meta.titleLines();
        for (int i = 0; i < lines.size(); i++) {
            Label line = new Label(lines.get(i));
            line.setStyle(
                    String.format(
                            Locale.ROOT,
                            "-fx-font-size: %.1fpx; -fx-text-fill: #1d2733;%s",
                            (i == 0 ? 22 : 15) * scale,
                            i == 0 ? " -fx-font-weight: bold;" : ""));
            title.getChildren().add(line);
        }
        title.setPadding(new Insets(12 * scale, 20 * scale, 10 * scale, 20 * scale));
        title.setMinHeight(TITLE_HEIGHT_AT_900 * scale);
        title.setPrefHeight(TITLE_HEIGHT_AT_900 * scale);
        title.setMaxHeight(TITLE_HEIGHT_AT_900 * scale);
        title.setStyle(
                "-fx-background-color: #e8edf3; -fx-border-color: transparent transparent #b8c2ce"
                        + " transparent; -fx-border-width: 0 0 2 0;");
        return title;
    }
}
