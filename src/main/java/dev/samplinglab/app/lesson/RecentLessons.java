package dev.samplinglab.app.lesson;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.samplinglab.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lessons opened or saved last, newest first, kept as a JSON list of paths next to the settings
 * ({@code recent-lessons.json}); a missing or damaged file is an empty list, and writes are atomic.
 */
public final class RecentLessons {
    public static final String FILE_NAME = "recent-lessons.json";
    static final int MAX = 8;
    private final Path file;

    public RecentLessons(Path configDir) {
        this.file = configDir.resolve(FILE_NAME);
    }

    /** The recent lessons, newest first. */
    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        try {
            if (!Files.isRegularFile(file)) {
                return out;
            }
            JsonElement root =
                    JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!root.isJsonArray()) {
                return out;
            }
            for (JsonElement e : root.getAsJsonArray()) {
                if (e.isJsonPrimitive() && out.size() < MAX) {
                    out.add(Path.of(e.getAsString()));
                }
            }
        } catch (IOException | RuntimeException e) {
            // damaged or unreadable: no recent lessons (the file is rewritten on the next save)
            return new ArrayList<>();
        }
        return out;
    }

    /** Puts {@code lesson} first. */
    public void add(Path lesson) throws IOException {
        Path absolute = lesson.toAbsolutePath().normalize();
        List<Path> paths = list();
        paths.remove(absolute);
        paths.add(0, absolute);
        write(paths.subList(0, Math.min(MAX, paths.size())));
    }

    /** Drops {@code lesson} (it could not be opened). */
    public void remove(Path lesson) throws IOException {
        List<Path> paths = list();
        if (paths.remove(lesson.toAbsolutePath().normalize())) {
            write(paths);
        }
    }

    private void write(List<Path> paths) throws IOException {
        JsonArray a = new JsonArray();
        paths.forEach(p -> a.add(p.toString()));
        AtomicFiles.writeString(file, a + "\n");
    }
}
