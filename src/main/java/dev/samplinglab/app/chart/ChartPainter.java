package dev.samplinglab.app.chart;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/** Draws the plot area of one {@link StageChart}: axes, bars and the stage's markers. */
final class ChartPainter {
    private final GraphicsContext g;
    private final ChartTheme theme;
    private final BarLayout layout;
    private final ChartData data;
    private final double top;
    private final double bottom;
    private final double yMax;

    ChartPainter(
            GraphicsContext g,
            ChartTheme theme,
            BarLayout layout,
            ChartData data,
            double top,
            double bottom,
            double yMax) {
        this.g = g;
        this.theme = theme;
        this.layout = layout;
        this.data = data;
        this.top = top;
        this.bottom = bottom;
        this.yMax = yMax;
    }

    private double y(double value) {
        return bottom - Math.min(value, yMax) / yMax * (bottom - top);
    }

    private double unitY(double value) {
        return bottom - value * (bottom - top);
    }

    void axes() {
        g.setStroke(Color.web("#e4e4e4"));
        g.setLineWidth(1);
        g.setFont(theme.tickFont());
        g.setFill(theme.muted());
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double f : new double[] {0, 0.5, 1}) {
            double yy = Math.round(bottom - f * (bottom - top)) + 0.5;
            g.strokeLine(BarLayout.LEFT, yy, layout.plotRight(), yy);
            g.fillText(tick(f * yMax), BarLayout.LEFT - 5, yy);
        }
        if (data.cumulative() != null) {
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(Palette.GREEN.darker());
            for (double f : new double[] {0, 0.5, 1}) {
                g.fillText(tick(f), layout.plotRight() + 5, unitY(f));
            }
        }
    }

    private static String tick(double v) {
        if (v == 0) {
            return "0";
        }
        return v >= 0.1
                ? String.format(Locale.ROOT, "%.2f", v)
                : String.format(Locale.ROOT, "%.3f", v);
    }

    /** Light shading behind the kept tokens of a filtering stage. */
    void keptRegion() {
        boolean filters = data.keptShown() < data.size() || data.cumulative() != null;
        if (data.kind().equals("raw") || data.kind().equals("final") || !filters) {
            return;
        }
        g.setFill(StageChart.withAlpha(Palette.SKY, 0.16));
        double slot = layout.slotWidth();
        for (int i = 0; i < data.size(); i++) {
            if (data.kept()[i]) {
                g.fillRect(layout.center(i) - slot / 2, top, slot, bottom - top);
            }
        }
    }

    void bars() {
        double w = layout.barWidth();
        for (int i = 0; i < data.size(); i++) {
            g.setFill(barColor(i));
            double yy = y(data.values()[i]);
            g.fillRect(layout.barLeft(i), yy, w, bottom - yy);
            if (!data.kept()[i] && i != data.chosenIndex()) {
                hatch(layout.barLeft(i), yy, w, bottom - yy);
            }
        }
        restBar(w);
        if (data.ghosts() != null) {
            g.setStroke(Palette.ORANGE);
            g.setLineWidth(theme.line());
            for (int i = 0; i < data.size(); i++) {
                double yy = y(data.ghosts()[i]);
                g.strokeRect(layout.barLeft(i) + w * 0.15, yy, w * 0.7, bottom - yy);
            }
        }
    }

    /**
     * Dropped bars are hatched and outlined, kept ones solid, so kept and dropped differ by more
     * than colour (WCAG 1.4.1, https://www.w3.org/WAI/WCAG21/Understanding/use-of-color).
     */
    private void hatch(double x, double yy, double w, double h) {
        if (h < 0.5) {
            return;
        }
        g.save();
        g.beginPath();
        g.rect(x, yy, w, h);
        g.clip();
        g.setStroke(Palette.HATCH);
        g.setLineWidth(1);
        double step = 5 * theme.scale();
        for (double d = -w; d < h; d += step) {
            g.strokeLine(x, yy + d + w, x + w, yy + d);
        }
        g.restore();
        g.setStroke(Palette.HATCH);
        g.setLineWidth(1);
        g.strokeRect(x + 0.5, yy + 0.5, Math.max(0, w - 1), Math.max(0, h - 1));
    }

    private Color barColor(int i) {
        if (i == data.chosenIndex()) {
            return Palette.VERMILLION;
        }
        return data.kept()[i] ? theme.kept() : theme.dropped();
    }

    private void restBar(double w) {
        double x = layout.barLeft(data.size());
        double yy = y(data.rest());
        if (data.restUnseen()) {
            unseenBar(x, yy, w);
        } else {
            g.setFill(Palette.REST);
            g.fillRect(x, yy, w, bottom - yy);
        }
        if (layout.slotWidth() < 24 * theme.scale()) {
            return; // too narrow for a number; the tooltip gives it
        }
        g.setFont(theme.tickFont());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.setFill(theme.text());
        if (data.rest() > yMax) {
            // clipped: a white break and the true value inside the bar
            g.setStroke(Color.WHITE);
            g.setLineWidth(2);
            g.strokeLine(x, top + 10, x + w, top + 6);
            g.setFill(Color.WHITE);
            g.setTextBaseline(VPos.TOP);
            g.fillText(tick(data.rest()), x + w / 2, top + 14, layout.slotWidth() * 1.2);
        } else {
            g.fillText(tick(data.rest()), x + w / 2, yy - 1, layout.slotWidth() * 1.2);
        }
    }

    /**
     * The mass an inference server did not send: cross-hatched in its own colour (dropped tokens
     * are single-hatched grey), because the app does not know how it is spread over the tokens it
     * never saw.
     */
    private void unseenBar(double x, double yy, double w) {
        double h = bottom - yy;
        g.setFill(UNSEEN_FILL);
        g.fillRect(x, yy, w, h);
        g.save();
        g.beginPath();
        g.rect(x, yy, w, h);
        g.clip();
        g.setStroke(UNSEEN_HATCH);
        g.setLineWidth(1.2);
        double step = 7 * theme.scale();
        for (double d = -Math.max(w, h); d < w + h; d += step) {
            g.strokeLine(x + d, bottom, x + d + h, yy);
            g.strokeLine(x + d, yy, x + d + h, bottom);
        }
        g.restore();
        g.setStroke(UNSEEN_HATCH);
        g.setLineWidth(1);
        g.strokeRect(x + 0.5, yy + 0.5, w - 1, bottom - yy - 1);
    }

    static final Color UNSEEN_FILL = Color.web("#f3e3c3");
    static final Color UNSEEN_HATCH = Color.web("#a0742a");

    /**
     * The stage's truncation caveat, top right of the plot, on a light band so it reads on bars.
     */
    void caveat() {
        if (data.caveat().isEmpty()) {
            return;
        }
        String text = "⚠ " + data.caveat();
        g.setFont(theme.tickFont());
        javafx.scene.text.Text probe = new javafx.scene.text.Text(text);
        probe.setFont(theme.tickFont());
        double room = layout.plotRight() - BarLayout.LEFT - 8;
        double tw = Math.min(probe.getLayoutBounds().getWidth(), room);
        double th = probe.getLayoutBounds().getHeight();
        double x = layout.plotRight() - tw - 4;
        double yy = top + 2;
        g.setFill(Color.color(1, 0.97, 0.88, 0.92));
        g.fillRect(x - 4, yy - 1, tw + 8, th + 2);
        g.setFill(UNSEEN_HATCH.darker());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(text, x, yy, tw);
    }

    void markers() {
        cutoff();
        cumulative();
        threshold();
        crossing();
        chosenLabel();
    }

    private void cutoff() {
        if (data.cutoffIndex() < 0) {
            return;
        }
        double x = Math.round(layout.boundaryAfter(data.cutoffIndex())) + 0.5;
        g.setStroke(Palette.VERMILLION);
        g.setLineWidth(theme.line() + 0.5);
        g.setLineDashes(6, 4);
        g.strokeLine(x, top - 2, x, bottom);
        g.setLineDashes();
        g.setFill(Palette.VERMILLION);
        g.setFont(theme.tickFont());
        g.setTextBaseline(VPos.TOP);
        boolean beyond = data.cutoffIndex() >= data.size();
        String label = beyond ? "cutoff after the shown tokens →" : "cutoff";
        boolean roomRight = !beyond && x + 60 < layout.plotRight();
        g.setTextAlign(roomRight ? TextAlignment.LEFT : TextAlignment.RIGHT);
        g.fillText(label, roomRight ? x + 4 : x - 4, top);
    }

    private void cumulative() {
        double[] cum = data.cumulative();
        if (cum == null) {
            return;
        }
        g.setStroke(Palette.GREEN);
        g.setLineWidth(theme.line());
        g.beginPath();
        boolean started = false;
        for (int i = 0; i < cum.length; i++) {
            if (Double.isNaN(cum[i])) {
                continue;
            }
            if (started) {
                g.lineTo(layout.center(i), unitY(cum[i]));
            } else {
                g.moveTo(layout.center(i), unitY(cum[i]));
                started = true;
            }
        }
        g.stroke();
        g.setFill(Palette.GREEN);
        for (int i = 0; i < cum.length; i++) {
            if (!Double.isNaN(cum[i])) {
                double r = 2.5 * theme.scale();
                g.fillOval(layout.center(i) - r, unitY(cum[i]) - r, 2 * r, 2 * r);
            }
        }
        if (!Double.isNaN(data.pLine())) {
            double yy = unitY(data.pLine());
            g.setStroke(Palette.PURPLE);
            g.setLineWidth(theme.line());
            g.setLineDashes(8, 4);
            g.strokeLine(BarLayout.LEFT, yy, layout.plotRight(), yy);
            g.setLineDashes();
            g.setFill(Palette.PURPLE.darker());
            g.setFont(theme.tickFont());
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(
                    String.format(Locale.ROOT, "p = %.2f", data.pLine()),
                    BarLayout.LEFT + 4,
                    yy - 2);
        }
    }

    private void threshold() {
        if (Double.isNaN(data.threshold())) {
            return;
        }
        double yy = y(data.threshold());
        g.setStroke(Palette.PURPLE);
        g.setLineWidth(theme.line());
        g.setLineDashes(8, 4);
        g.strokeLine(BarLayout.LEFT, yy, layout.plotRight(), yy);
        g.setLineDashes();
    }

    private void crossing() {
        int i = data.crossingIndex();
        if (i < 0) {
            return;
        }
        double cx = layout.center(i);
        double yy =
                data.cumulative() != null && !Double.isNaN(data.cumulative()[i])
                        ? unitY(data.cumulative()[i])
                        : y(data.values()[i]);
        double r = 6 * theme.scale();
        g.setStroke(Palette.VERMILLION);
        g.setLineWidth(theme.line() + 0.5);
        g.strokeOval(cx - r, yy - r, 2 * r, 2 * r);
        g.setFill(Palette.VERMILLION);
        g.setFont(theme.tickFont());
        g.setTextBaseline(VPos.TOP);
        boolean roomRight = cx + 70 < layout.plotRight();
        g.setTextAlign(roomRight ? TextAlignment.LEFT : TextAlignment.RIGHT);
        double ty = Math.min(bottom - 14 * theme.scale(), yy + r + 1);
        g.fillText("crossing", roomRight ? cx + r + 2 : cx - r - 2, ty);
    }

    private void chosenLabel() {
        int i = data.chosenIndex();
        if (i < 0) {
            return;
        }
        double yy = y(data.values()[i]);
        double cx = layout.center(i);
        // a marker as well as the colour: an outline round the bar and a pointer above it
        g.setStroke(theme.text());
        g.setLineWidth(theme.line());
        g.strokeRect(layout.barLeft(i), yy, layout.barWidth(), bottom - yy);
        double s = 4 * theme.scale();
        double tip = Math.max(top + 12 + 2 * s, yy - 2);
        g.setFill(theme.text());
        g.fillPolygon(
                new double[] {cx - s, cx + s, cx}, new double[] {tip - 2 * s, tip - 2 * s, tip}, 3);
        g.setFill(Palette.VERMILLION.darker());
        g.setFont(theme.tickFont());
        if (tip > yy - 2) {
            // a bar that reaches the top: no room above it, where the label would sit on the
            // axis numbers; it goes beside the bar instead
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(
                    tick(data.values()[i]),
                    layout.barLeft(i) + layout.barWidth() + 3,
                    Math.max(yy, top) + 8 * theme.scale());
            return;
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(tick(data.values()[i]), cx, tip - 2 * s - 1);
    }
}
