package dev.samplinglab.app.chart;

import dev.samplinglab.engine.generate.CacheLab;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Milliseconds per token against position for the cached and the uncached decode: the cached line
 * stays flat (one new token against stored keys and values), the uncached one grows with the prefix
 * it recomputes.
 */
public class TimingChart extends CanvasChart {
    private static final double LEFT = 58;
    private static final double RIGHT = 16;
    private static final double TOP = 30;
    private List<CacheLab.Sample> samples = List.of();
    private int positions = 1;

    public TimingChart() {
        super("timing-chart");
        setMinHeight(160);
        setPrefHeight(300);
        setAccessibleText(ChartDescriptions.timing(samples, positions));
    }

    /** Shows the samples on an x axis of {@code positions}. */
    public void show(List<CacheLab.Sample> samples, int positions) {
        this.samples = List.copyOf(samples);
        this.positions = Math.max(1, positions);
        setAccessibleText(ChartDescriptions.timing(this.samples, this.positions));
        draw();
    }

    private double bottom() {
        return 38 * theme.scale();
    }

    /** Largest ms per token of either line, rounded up to a nice axis maximum. */
    public double yMax() {
        double max = 0;
        for (CacheLab.Sample s : samples) {
            max = Math.max(max, s.cachedMillis());
            if (!Double.isNaN(s.uncachedMillis())) {
                max = Math.max(max, s.uncachedMillis());
            }
        }
        return niceCeiling(max == 0 ? 1 : max);
    }

    /**
     * Smallest round number at least v whose fifths are round too (1, 1.25, 1.5, 2, 2.5, 3, 4, 5,
     * 6, 7.5, 8 times a power of ten), so the axis ends at most a third above the data.
     */
    static double niceCeiling(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 8, 10}) {
            if (m * p >= v - 1e-12) {
                return m * p;
            }
        }
        return 10 * p;
    }

    @Override
    protected void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (w < 80 || h < 80) {
            return;
        }
        double yMax = yMax();
        axes(g, w, h, yMax);
        line(g, w, h, yMax, true, Palette.BLUE);
        line(g, w, h, yMax, false, Palette.VERMILLION);
        legend(g, w);
    }

    private void axes(GraphicsContext g, double w, double h, double yMax) {
        g.setStroke(theme.muted());
        g.setLineWidth(1);
        g.strokeLine(LEFT, TOP, LEFT, h - bottom());
        g.strokeLine(LEFT, h - bottom(), w - RIGHT, h - bottom());
        g.setFont(theme.tickFont());
        g.setFill(theme.muted());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i <= 5; i++) {
            double v = yMax * i / 5;
            double y = y(v, h, yMax);
            g.fillText(String.format(Locale.ROOT, v >= 10 ? "%.0f" : "%.1f", v), LEFT - 6, y);
            g.setStroke(Color.web("#ececec"));
            if (i > 0) {
                g.strokeLine(LEFT + 1, y, w - RIGHT, y);
            }
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i <= 4; i++) {
            int p = positions * i / 4;
            g.fillText(Integer.toString(p), x(p, w), h - bottom() + 4);
        }
        g.fillText("position", (LEFT + w - RIGHT) / 2, h - bottom() + 4 + 14 * theme.scale());
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(theme.text());
        g.setFont(theme.titleFont());
        g.fillText("ms per token", 8, 6);
    }

    private void line(GraphicsContext g, double w, double h, double yMax, boolean cached, Color c) {
        g.setStroke(c);
        g.setLineWidth(theme.line());
        g.beginPath();
        boolean started = false;
        for (CacheLab.Sample s : samples) {
            double v = cached ? s.cachedMillis() : s.uncachedMillis();
            if (Double.isNaN(v)) {
                continue;
            }
            double x = x(s.position(), w);
            double y = y(v, h, yMax);
            if (started) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                started = true;
            }
        }
        g.stroke();
    }

    private void legend(GraphicsContext g, double w) {
        g.setFont(theme.detailFont());
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        double x = Math.max(LEFT + 140, w - RIGHT - 330 * theme.scale());
        double y = 12;
        g.setFill(Palette.BLUE);
        g.fillRect(x, y - 2, 18, 4);
        g.setFill(theme.text());
        g.fillText("with KV cache", x + 24, y);
        x += 140 * theme.scale();
        g.setFill(Palette.VERMILLION);
        g.fillRect(x, y - 2, 18, 4);
        g.setFill(theme.text());
        g.fillText("without (full prefix)", x + 24, y);
    }

    private double x(double position, double w) {
        return LEFT + position / positions * (w - LEFT - RIGHT);
    }

    private double y(double v, double h, double yMax) {
        return h - bottom() - v / yMax * (h - TOP - bottom());
    }
}
