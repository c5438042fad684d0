package dev.samplinglab.app.common;

import javafx.geometry.Rectangle2D;

/**
 * Where the main window opens: the saved size clamped to the screen's visual bounds (the area
 * without task bars), centred, never below the size where the toolbar fits, and maximised when the
 * saved size does not fit (a 1366×768 laptop, a 1280×720 projector).
 *
 * @param x left edge
 * @param y top edge
 * @param width window width
 * @param height window height
 * @param maximized whether the window should open maximised
 */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    /** The smallest size at which the step window's toolbar and charts stay usable. */
    public static final double MIN_WIDTH = 1000;

    public static final double MIN_HEIGHT = 620;

    /** The minimum size on this screen: the toolbar's minimum, or the whole screen if smaller. */
    public static double minWidth(Rectangle2D screen) {
        return Math.min(MIN_WIDTH, screen.getWidth());
    }

    public static double minHeight(Rectangle2D screen) {
        return Math.min(MIN_HEIGHT, screen.getHeight());
    }

    /** Fits a saved {@code width × height} onto {@code screen}. */
    public static WindowBounds fit(double width, double height, Rectangle2D screen) {
        boolean tooBig = width > screen.getWidth() || height > screen.getHeight();
        double w = clamp(width, minWidth(screen), screen.getWidth());
        double h = clamp(height, minHeight(screen), screen.getHeight());
        double x = screen.getMinX() + (screen.getWidth() - w) / 2;
        double y = screen.getMinY() + (screen.getHeight() - h) / 2;
        return new WindowBounds(x, y, w, h, tooBig);
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(v, max));
    }
}
