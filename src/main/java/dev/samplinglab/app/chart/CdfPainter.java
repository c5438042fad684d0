package dev.samplinglab.app.chart;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * The coin strip: [0, 1] split into the picker's cumulative segments, with a marker where the coin
 * u landed (inverse-CDF sampling).
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

    void draw(double left, double right) {
        double width = right - left;
        double x = left;
        double[] seg = strip.segments();
        for (int i = 0; i < seg.length; i++) {
            double w = seg[i] * width;
            boolean rest = i == seg.length - 1;
            Color fill =
                    i == strip.chosenSegment()
                            ? Palette.VERMILLION
                            : rest
                                    ? Color.web("#9a9a9a")
                                    : (i % 2 == 0 ? theme.kept() : Palette.SKY);
            g.setFill(fill);
            g.fillRect(x, top, w, height);
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
        g.setStroke(Color.BLACK);
        g.setLineWidth(theme.line() + 1);
        g.strokeLine(cx, top - 3, cx, top + height + 3);
        g.setFill(Color.BLACK);
        double s = 5 * theme.scale();
        g.fillPolygon(
                new double[] {cx - s, cx + s, cx},
                new double[] {top - 3 - s, top - 3 - s, top - 3},
                3);
    }
}
