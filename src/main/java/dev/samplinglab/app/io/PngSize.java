package dev.samplinglab.app.io;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pixel size of a PNG export, fixed whatever the window's size: 1600×900 unless the user picks
 * another in the Export menu.
 *
 * @param width pixels
 * @param height pixels
 */
public record PngSize(int width, int height) {
    public static final PngSize DEFAULT = new PngSize(1600, 900);

    /** The sizes the Export menu offers: 720p, the default, 1080p and 4K. */
    public static final List<PngSize> CHOICES =
            List.of(
                    new PngSize(1280, 720),
                    DEFAULT,
                    new PngSize(1920, 1080),
                    new PngSize(3840, 2160));

    private static final Pattern FORM = Pattern.compile("(\\d{3,5})\\s*[x×]\\s*(\\d{3,5})");

    public PngSize {
        if (width < 320 || height < 240 || width > 8192 || height > 8192) {
            throw new IllegalArgumentException(
                    "PNG size %d×%d: each side must be 320..8192 (height at least 240)"
                            .formatted(width, height));
        }
    }

    /** Parses "1920x1080" (or "1920×1080"). */
    public static PngSize parse(String text) {
        Matcher m = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "PNG size '%s': write it as WIDTHxHEIGHT, e.g. 1600x900".formatted(text));
        }
        return new PngSize(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Override
    public String toString() {
        return width + "×" + height;
    }
}
