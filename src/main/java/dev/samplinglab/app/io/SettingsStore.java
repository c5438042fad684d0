package dev.samplinglab.app.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.samplinglab.app.widgets.Scales;
import dev.samplinglab.engine.io.AtomicFiles;
import dev.samplinglab.engine.sampling.Preset;
import dev.samplinglab.engine.sampling.SamplingSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Settings as JSON in the user's config folder ({@code samplinglab.config.dir} if set, else
 * $XDG_CONFIG_HOME/sampling-lab, %APPDATA%\sampling-lab or ~/.config/sampling-lab). A missing,
 * unreadable or corrupt file gives the defaults; saving is atomic.
 */
public final class SettingsStore {
    public static final String FILE_NAME = "settings.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();
    private final Path file;

    public SettingsStore(Path dir) {
        this.file = dir.resolve(FILE_NAME);
    }

    /** The store in the default config folder. */
    public static SettingsStore inUserConfig() {
        return new SettingsStore(configDir());
    }

    public static Path configDir() {
        String explicit = System.getProperty("samplinglab.config.dir");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String appData = System.getenv("APPDATA");
        if (os.contains("win") && appData != null) {
            return Path.of(appData, "sampling-lab");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "sampling-lab");
        }
        return Path.of(System.getProperty("user.home"), ".config", "sampling-lab");
    }

    public Path file() {
        return file;
    }

    public static AppSettings defaults() {
        return new AppSettings(
                "bundled", "ROMEO:", 0, defaultStrategy(), Scales.SHOWN_DEFAULT, 4, 1400, 900);
    }

    /** The strategy a fresh install starts with: the general preset. */
    public static SamplingSettings defaultStrategy() {
        return Preset.GENERAL.settings();
    }

    /** The saved settings, or the defaults when the file is missing or not valid. */
    public AppSettings load() {
        try {
            if (!Files.isRegularFile(file)) {
                return defaults();
            }
            AppSettings read =
                    GSON.fromJson(
                            Files.readString(file, StandardCharsets.UTF_8), AppSettings.class);
            return read != null && valid(read) ? read : defaults();
        } catch (IOException | RuntimeException e) {
            return defaults();
        }
    }

    /** The strategy was checked when it was read (the settings' own constructor); the rest here. */
    private static boolean valid(AppSettings s) {
        return s.model() != null
                && s.prompt() != null
                && s.strategy() != null
                && s.topN() >= Scales.SHOWN_MIN
                && s.topN() <= Scales.SHOWN_MAX
                && s.width() >= 400
                && s.height() >= 300;
    }

    public void save(AppSettings settings) throws IOException {
        AtomicFiles.writeString(file, GSON.toJson(settings));
    }
}
