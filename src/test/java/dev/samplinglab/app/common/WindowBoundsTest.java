package dev.samplinglab.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The window opens inside the screen's visual bounds, never below the toolbar's size. */
class WindowBoundsTest {

    @ParameterizedTest(name = "saved {0}x{1} on a {2}x{3} screen at ({4},{5})")
    @CsvSource({
        // saved      screen (visual)   origin  -> expected w, h, maximised
        "1400, 900,  1280, 720,  0,  0,  1280, 720, true",
        "1400, 900,  1366, 740,  0, 28,  1366, 740, true",
        "1400, 900,  1920, 1050, 0,  0,  1400, 900, false",
        "900,  600,  1920, 1050, 0,  0,  1000, 620, false",
        "900,  600,  1280, 720,  0,  0,  1000, 620, false",
        "1100, 700,  1280, 720, 64,  0,  1100, 700, false",
        "3000, 300,  800,  600,  0,  0,  800,  600, true"
    })
    void theSavedSizeIsClampedToTheScreen(
            double w,
            double h,
            double sw,
            double sh,
            double ox,
            double oy,
            double ew,
            double eh,
            boolean max) {
        Rectangle2D screen = new Rectangle2D(ox, oy, sw, sh);
        WindowBounds b = WindowBounds.fit(w, h, screen);
        assertThat(b.width()).isEqualTo(ew);
        assertThat(b.height()).isEqualTo(eh);
        assertThat(b.maximized()).isEqualTo(max);
        assertThat(b.x()).isBetween(ox, ox + sw - b.width());
        assertThat(b.y()).isBetween(oy, oy + sh - b.height());
    }
}
