package dev.samplinglab.app.chart;

import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/**
 * A region that paints itself on one canvas the size of the region: the canvas follows the region's
 * size and is redrawn when it changes or when the theme changes. Subclasses draw.
 */
public abstract class CanvasChart extends Region {
    protected final Canvas canvas = new Canvas();
    protected ChartTheme theme = ChartTheme.NORMAL;

    protected CanvasChart(String styleClass) {
        getStyleClass().add(styleClass);
        getChildren().add(canvas);
        // a screen reader announces a chart as a picture with its summary (setAccessibleText)
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        setAccessibleRoleDescription("chart");
        setFocusTraversable(true);
    }

    /** Paints the whole canvas from the current state. */
    protected abstract void draw();

    /** Called when the theme changed, before the redraw (sizes that scale with the theme). */
    protected void themeChanged() {}

    public void setTheme(ChartTheme theme) {
        this.theme = theme;
        themeChanged();
        draw();
    }

    /** Fixes the region's height (min = pref = max). */
    protected void fixHeight(double h) {
        setMinHeight(h);
        setPrefHeight(h);
        setMaxHeight(h);
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }
}
