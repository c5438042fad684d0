package dev.samplinglab.app.chart;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * The KV cache as a layers × positions grid: each cell holds one position's key and value vectors
 * of one layer. Cells fill left to right as tokens are added; the prompt's cells (written by one
 * prefill forward) and the decoded ones (one per step) have different colours.
 */
public class CacheGrid extends CanvasChart {
    private static final double LEFT = 70;
    private static final double TOP = 26;
    private int layers;
    private int positions;
    private int prompt;
    private int filled;

    public CacheGrid() {
        super("cache-grid");
        setMinHeight(110);
        setPrefHeight(200);
        setAccessibleText(ChartDescriptions.cacheGrid(0, 0, 0, 0));
    }

    /**
     * @param layers rows
     * @param positions columns (the run's length)
     * @param prompt prefilled positions
     * @param filled positions written so far
     */
    public void show(int layers, int positions, int prompt, int filled) {
        this.layers = layers;
        this.positions = positions;
        this.prompt = prompt;
        this.filled = filled;
        setAccessibleText(ChartDescriptions.cacheGrid(layers, positions, prompt, filled));
        draw();
    }

    public int filled() {
        return filled;
    }

    @Override
    protected void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (layers == 0 || positions == 0 || w < LEFT + 20 || h < TOP + 20) {
            return;
        }
        double cw = (w - LEFT - 10) / positions;
        double ch = Math.min(22 * theme.scale(), (h - TOP - 6) / layers);
        g.setFont(theme.tickFont());
        g.setTextBaseline(VPos.CENTER);
        for (int l = 0; l < layers; l++) {
            double y = TOP + l * ch;
            g.setFill(Color.web("#eef0f3"));
            g.fillRect(LEFT, y + 1, positions * cw, ch - 2);
            g.setFill(Palette.ORANGE);
            g.fillRect(LEFT, y + 1, Math.min(prompt, filled) * cw, ch - 2);
            g.setFill(Palette.BLUE);
            g.fillRect(LEFT + prompt * cw, y + 1, Math.max(0, filled - prompt) * cw, ch - 2);
            if (cw >= 5) {
                g.setStroke(Color.WHITE);
                g.setLineWidth(1);
                for (int p = 1; p < positions; p++) {
                    g.strokeLine(LEFT + p * cw, y + 1, LEFT + p * cw, y + ch - 1);
                }
            }
            if (layers <= 16 || l % 2 == 0) {
                g.setFill(theme.muted());
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText("layer " + (l + 1), LEFT - 6, y + ch / 2);
            }
        }
        header(g);
    }

    private void header(GraphicsContext g) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(theme.detailFont());
        double x = LEFT;
        g.setFill(Palette.ORANGE);
        g.fillRect(x, 7, 14, 12);
        g.setFill(theme.text());
        g.fillText(
                String.format(Locale.ROOT, "prefill (%d)", Math.min(prompt, filled)), x + 20, 13);
        x += 130 * theme.scale();
        g.setFill(Palette.BLUE);
        g.fillRect(x, 7, 14, 12);
        g.setFill(theme.text());
        g.fillText(
                String.format(Locale.ROOT, "decode (%d)", Math.max(0, filled - prompt)),
                x + 20,
                13);
        x += 130 * theme.scale();
        g.setFill(Color.web("#eef0f3"));
        g.fillRect(x, 7, 14, 12);
        g.setFill(theme.text());
        g.fillText(
                String.format(Locale.ROOT, "empty (%d of %d)", positions - filled, positions),
                x + 20,
                13);
    }
}
