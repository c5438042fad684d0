package dev.samplinglab.app.chart;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * Fonts, colours and line widths of the charts: a normal theme and a projector theme with larger
 * type, thicker lines and stronger contrast.
 *
 * @param scale size factor applied to fonts and fixed heights
 * @param text colour of titles and labels
 * @param muted colour of axis ticks and secondary text
 * @param kept fill of kept bars
 * @param dropped fill of dropped (masked) bars
 * @param line width of marker lines
 * @param minLabel smallest size in px of axis numbers and token labels (18 on a projector)
 */
public record ChartTheme(
        double scale,
        Color text,
        Color muted,
        Color kept,
        Color dropped,
        double line,
        double minLabel) {

    public static final ChartTheme NORMAL =
            new ChartTheme(
                    1.0,
                    Color.web("#202020"),
                    Color.web("#666666"),
                    Palette.BLUE,
                    Color.web("#d0d0d0"),
                    1.5,
                    0);
    public static final ChartTheme PRESENTATION =
            new ChartTheme(
                    1.45,
                    Color.BLACK,
                    Color.web("#333333"),
                    Color.web("#00509a"),
                    Color.web("#c4c4c4"),
                    2.5,
                    18);

    public Font titleFont() {
        return Font.font("DejaVu Sans", FontWeight.BOLD, projector() ? 17 : 12.5 * scale);
    }

    public Font detailFont() {
        return Font.font("DejaVu Sans", projector() ? 15 : 11.5 * scale);
    }

    public Font tickFont() {
        return Font.font("DejaVu Sans", Math.max(10 * scale, minLabel));
    }

    public Font pieceFont(boolean bold) {
        return Font.font(
                "DejaVu Sans Mono",
                bold ? FontWeight.BOLD : FontWeight.NORMAL,
                Math.max(11.5 * scale, minLabel));
    }

    /**
     * The colours that carry a meaning in the charts, by name: kept, dropped, chosen, the coin, the
     * rest bar and the CDF strip's second segment colour. Each pair must stay at least {@link
     * ColorVision#MIN_DELTA_E} apart for every colour-vision deficiency (tested).
     */
    public java.util.Map<String, Color> meanings() {
        java.util.Map<String, Color> m = new java.util.LinkedHashMap<>();
        m.put("kept", kept);
        m.put("dropped", dropped);
        m.put("chosen", Palette.VERMILLION);
        m.put("coin", Palette.COIN);
        m.put("rest", Palette.REST);
        m.put("cdf segment", Palette.SKY);
        return m;
    }

    /** Whether this is the projector theme: compact chart furniture, large labels. */
    public boolean projector() {
        return minLabel > 0;
    }
}
