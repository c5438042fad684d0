package dev.samplinglab.app.chart;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * The coin strip: [0, 1] split into the picker's cumulative segments, with a marker where the coin
 * u landed (inverse-CDF sampling) and a connector from the chosen segment up to the picked bar, so
 * the marker never seems to point at a bar that was not picked.
 */
final class CdfPainter {
    private final GraphicsContext g;
    private final ChartTheme theme;
    private final ChartData.CdfStrip strip;
    private final double top;
    private final double height;

    CdfPainter(
            GraphicsContext g,
            ChartTheme theme,
            ChartData.CdfStrip strip,
            double top,
            double height) {
        this.g = g;
        this.theme = theme;
        this.strip = strip;
        this.top = top;
        this.height = height;
    }

    /**
     * Draws the strip between left and right; {@code barX} is the centre of the picked bar above
     * (NaN when it is not shown), {@code barBottom} the y where the bars stand.
     */
    void draw(double left, double right, double barX, double barBottom) {
        double width = right - left;
        double x = left;
        double[] seg = strip.segments();
        for (int i = 0; i < seg.length; i++) {
            double w = seg[i] * width;
            boolean rest = i == seg.length - 1;
            Color fill =
                    i == strip.chosenSegment()
                            ? Palette.VERMILLION
                            : rest ? Palette.REST : (i % 2 == 0 ? theme.kept() : Palette.SKY);
            g.setFill(fill);
            g.fillRect(x, top, w, height);
            if (i == strip.chosenSegment()) {
                g.setStroke(theme.text()); // outlined, not only coloured
                g.setLineWidth(theme.line());
                g.strokeRect(x, top, w, height);
            }
            if (w > 28 * theme.scale()) {
                g.setFill(Palette.textOn(fill));
                g.setFont(theme.pieceFont(false));
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(strip.labels().get(i), x + w / 2, top + height / 2, w - 4);
            }
            x += w;
        }
        g.setStroke(theme.muted());
        g.setLineWidth(1);
        g.strokeRect(left, top, width, height);
        coin(left, width);
        connector(left, width, barX, barBottom);
    }

    /** The x where the connector meets the picked bar: its centre, NaN when there is none. */
    static double connectorX(ChartData.CdfStrip strip, double barX) {
        return strip.greedy() || strip.chosenSegment() < 0 ? Double.NaN : barX;
    }

    /** Elbow from the chosen segment's centre up to the picked bar's centre. */
    private void connector(double left, double width, double barX, double barBottom) {
        double x = connectorX(strip, barX);
        if (Double.isNaN(x)) {
            return;
        }
        double segX = left + segmentCentre() * width;
        double mid = (barBottom + top) / 2;
        g.setStroke(Palette.VERMILLION.darker());
        g.setLineWidth(theme.line() + 0.5);
        g.strokePolyline(
                new double[] {segX, segX, x, x}, new double[] {top, mid, mid, barBottom}, 4);
    }

    /** Centre of the chosen segment on [0, 1]. */
    private double segmentCentre() {
        double start = 0;
        double[] seg = strip.segments();
        for (int i = 0; i < strip.chosenSegment(); i++) {
            start += seg[i];
        }
        return start + seg[strip.chosenSegment()] / 2;
    }

    private void coin(double left, double width) {
        g.setTextBaseline(VPos.CENTER);
        g.setFont(theme.tickFont());
        g.setFill(theme.text());
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("CDF", left - 5, top + height / 2);
        if (strip.greedy()) {
            return;
        }
        double cx = left + strip.coin() * width;
        g.setStroke(Palette.COIN);
        g.setLineWidth(theme.line() + 1);
        g.strokeLine(cx, top, cx, top + height + 3);
        g.setFill(Palette.COIN);
        double s = 5 * theme.scale();
        double below = top + height + 3;
        g.fillPolygon(
                new double[] {cx - s, cx + s, cx}, new double[] {below + s, below + s, below}, 3);
        g.setFont(theme.tickFont());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(
                String.format(java.util.Locale.ROOT, "u = %.3f", strip.coin()), cx + s + 2, below);
    }
}
