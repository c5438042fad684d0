package dev.samplinglab.engine.lesson;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.samplinglab.engine.BadInputException;
import dev.samplinglab.engine.chat.Prompt;
import dev.samplinglab.engine.io.AtomicFiles;
import dev.samplinglab.engine.lesson.CompareLesson.BeamColumnLesson;
import dev.samplinglab.engine.lesson.LessonException.Kind;
import dev.samplinglab.engine.model.ConfigJson;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes lesson files: one JSON object, {@code "format": "sampling-lab-lesson"} and a
 * {@code version}. Writing is atomic ({@link AtomicFiles}); reading validates the whole file before
 * anything is returned, and every problem is one {@link LessonException} line naming the file and
 * the key: a truncated file, damaged JSON, a missing or out-of-range value, or a newer version.
 */
public final class LessonJson {
    /** The value of {@code "format"} that marks a lesson file. */
    public static final String FORMAT = "sampling-lab-lesson";

    /** The file name extension, without the dot. */
    public static final String EXTENSION = "lesson.json";

    /** Lessons are small (a few hundred KB for hundreds of steps); larger is not a lesson. */
    static final long MAX_BYTES = 32_000_000;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private LessonJson() {}

    /** Writes {@code lesson} to {@code file} atomically; an existing file is replaced. */
    public static void save(Path file, Lesson lesson) throws IOException {
        AtomicFiles.writeString(file, toJson(lesson));
    }

    /** Reads and validates {@code file}. */
    public static Lesson load(Path file) {
        String name = String.valueOf(file.getFileName());
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new LessonException(
                        Kind.UNREADABLE, "%s is a folder, not a lesson file".formatted(file));
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new LessonException(
                        Kind.DAMAGED,
                        "%s is larger than %d MB; not a lesson file"
                                .formatted(name, MAX_BYTES / 1_000_000));
            }
            text = decodeUtf8(Files.readAllBytes(file), name);
        } catch (NoSuchFileException e) {
            throw new LessonException(Kind.UNREADABLE, "%s does not exist".formatted(file), e);
        } catch (IOException e) {
            throw new LessonException(
                    Kind.UNREADABLE, "%s cannot be read (%s)".formatted(file, e.getMessage()), e);
        }
        return parse(text, name);
    }

    private static String decodeUtf8(byte[] bytes, String name) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new LessonException(
                    Kind.DAMAGED, "%s: not UTF-8 text; the file is damaged".formatted(name), e);
        }
    }

    /** The lesson as pretty-printed JSON. */
    public static String toJson(Lesson lesson) {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("version", Lesson.CURRENT_VERSION);
        o.add("model", model(lesson.model()));
        o.add("prompt", prompt(lesson.prompt()));
        o.addProperty("seed", lesson.seed());
        JsonObject step = new JsonObject();
        step.add("strategy", StrategyJson.write(lesson.strategy()));
        step.addProperty("top_n", lesson.topN());
        JsonArray steps = new JsonArray();
        lesson.steps().forEach(s -> steps.add(step(s)));
        step.add("steps", steps);
        step.addProperty("selected_step", lesson.selectedStep());
        o.add("step_window", step);
        if (lesson.compare() != null) {
            o.add("compare", compare(lesson.compare()));
        }
        o.addProperty("view", lesson.view());
        return GSON.toJson(o) + "\n";
    }

    private static JsonObject model(ModelReference m) {
        JsonObject o = new JsonObject();
        o.addProperty("spec", m.spec());
        JsonArray files = new JsonArray();
        for (WeightsFile w : m.weights()) {
            JsonObject f = new JsonObject();
            f.addProperty("file", w.file());
            f.addProperty("bytes", w.bytes());
            f.addProperty("sha256", w.sha256());
            files.add(f);
        }
        o.add("weights", files);
        return o;
    }

    private static JsonObject prompt(Prompt p) {
        JsonObject o = new JsonObject();
        o.addProperty("mode", p.mode().name().toLowerCase(Locale.ROOT));
        o.addProperty("system", p.system());
        o.addProperty("text", p.user());
        return o;
    }

    private static JsonObject step(LessonStep s) {
        JsonObject o = new JsonObject();
        o.addProperty("token", s.token());
        o.addProperty("piece", s.piece());
        o.addProperty("forced", s.forced());
        o.add("settings", StrategyJson.write(s.settings()));
        return o;
    }

    private static JsonObject compare(CompareLesson c) {
        JsonObject o = new JsonObject();
        o.addProperty("common_random_numbers", c.commonRandomNumbers());
        JsonArray columns = new JsonArray();
        c.columns().forEach(s -> columns.add(StrategyJson.write(s)));
        o.add("columns", columns);
        o.addProperty("steps", c.steps());
        if (c.beam() != null) {
            JsonObject b = new JsonObject();
            b.addProperty("num_beams", c.beam().numBeams());
            b.addProperty("length_penalty", c.beam().lengthPenalty());
            o.add("beam", b);
        }
        return o;
    }

    // ---- reading ------------------------------------------------------------------------------

    /** Parses and validates a lesson; {@code name} names the file in messages. */
    public static Lesson parse(String text, String name) {
        ConfigJson root = parseJson(text, name);
        checkFormatAndVersion(root, name);
        try {
            return read(root);
        } catch (LessonException e) {
            throw e;
        } catch (BadInputException e) {
            throw new LessonException(Kind.DAMAGED, e.getMessage(), e);
        }
    }

    private static ConfigJson parseJson(String text, String name) {
        if (text.isBlank()) {
            throw new LessonException(
                    Kind.TRUNCATED, "%s is empty; it was not written completely".formatted(name));
        }
        try {
            return ConfigJson.parse(text, name);
        } catch (BadInputException e) {
            if (endsEarly(e)) {
                throw new LessonException(
                        Kind.TRUNCATED,
                        "%s is truncated: the JSON ends before it is complete (a copy cut short?); save the lesson again or copy the whole file"
                                .formatted(name),
                        e);
            }
            throw new LessonException(
                    Kind.DAMAGED,
                    "%s is damaged: %s"
                            .formatted(name, e.getMessage().substring(name.length() + 2)),
                    e);
        }
    }

    /** Gson's words for JSON that stops in the middle of a value. */
    private static boolean endsEarly(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (t instanceof java.io.EOFException
                    || m.contains("End of input")
                    || m.contains("Unterminated")) {
                return true;
            }
        }
        return false;
    }

    private static void checkFormatAndVersion(ConfigJson root, String name) {
        String format = root.has("format") ? root.optionalString("format", "") : "";
        if (!FORMAT.equals(format)) {
            throw new LessonException(
                    Kind.DAMAGED,
                    "%s is not a Sampling Lab lesson (no \"format\": \"%s\")"
                            .formatted(name, FORMAT));
        }
        int version;
        try {
            version = root.requiredInt("version", 1, Integer.MAX_VALUE);
        } catch (BadInputException e) {
            throw new LessonException(Kind.DAMAGED, e.getMessage(), e);
        }
        if (version > Lesson.CURRENT_VERSION) {
            throw new LessonException(
                    Kind.NEWER_VERSION,
                    "%s was written by a newer Sampling Lab (lesson format %d; this version reads up to %d); update the app to open it"
                            .formatted(name, version, Lesson.CURRENT_VERSION));
        }
    }

    private static Lesson read(ConfigJson root) {
        ConfigJson step = root.requiredObject("step_window");
        List<LessonStep> steps = new ArrayList<>();
        for (ConfigJson s : step.requiredObjects("steps")) {
            steps.add(
                    new LessonStep(
                            s.requiredInt("token", 0, Integer.MAX_VALUE),
                            s.requiredString("piece"),
                            requiredBoolean(s, "forced"),
                            StrategyJson.read(s.requiredObject("settings"))));
        }
        int selected = step.requiredInt("selected_step", -1, steps.size() - 1);
        return new Lesson(
                root.requiredInt("version", 1, Lesson.CURRENT_VERSION),
                model(root.requiredObject("model")),
                prompt(root.requiredObject("prompt")),
                root.requiredLong("seed", Long.MIN_VALUE, Long.MAX_VALUE),
                StrategyJson.read(step.requiredObject("strategy")),
                steps,
                selected,
                step.requiredInt("top_n", 1, 100_000),
                root.has("compare") ? compare(root.requiredObject("compare")) : null,
                view(root));
    }

    private static boolean requiredBoolean(ConfigJson o, String key) {
        if (!o.has(key)) {
            throw o.error(key, "is missing; expected true or false");
        }
        return o.optionalBoolean(key, false);
    }

    private static ModelReference model(ConfigJson m) {
        String spec = m.requiredString("spec");
        if (spec.isBlank()) {
            throw m.error("spec", "is blank; expected a model spec such as bundled");
        }
        List<WeightsFile> weights = new ArrayList<>();
        for (ConfigJson w : m.requiredObjects("weights")) {
            String sha = w.requiredString("sha256");
            if (!WeightsFile.SHA256.matcher(sha).matches()) {
                throw w.error("sha256", "must be 64 lowercase hex digits");
            }
            weights.add(
                    new WeightsFile(
                            w.requiredString("file"),
                            w.requiredLong("bytes", 0, Long.MAX_VALUE),
                            sha));
        }
        return new ModelReference(spec, weights);
    }

    private static Prompt prompt(ConfigJson p) {
        String mode = p.requiredString("mode");
        String system = p.requiredString("system");
        String text = p.requiredString("text");
        return switch (mode) {
            case "plain" -> Prompt.plain(text);
            case "chat" -> Prompt.chat(system, text);
            default -> throw p.error("mode", "must be plain or chat (got \"%s\")".formatted(mode));
        };
    }

    private static CompareLesson compare(ConfigJson c) {
        List<dev.samplinglab.engine.sampling.SamplingSettings> columns = new ArrayList<>();
        for (ConfigJson col : c.requiredObjects("columns")) {
            columns.add(StrategyJson.read(col));
        }
        if (columns.size() < 2 || columns.size() > 4) {
            throw c.error(
                    "columns", "must hold 2 to 4 strategies (got %d)".formatted(columns.size()));
        }
        BeamColumnLesson beam =
                c.optionalObject("beam")
                        .map(
                                b ->
                                        new BeamColumnLesson(
                                                b.requiredInt("num_beams", 2, 16),
                                                b.requiredDouble("length_penalty", -10, 10)))
                        .orElse(null);
        return new CompareLesson(
                requiredBoolean(c, "common_random_numbers"),
                columns,
                c.requiredInt("steps", 0, 1_000_000),
                beam);
    }

    private static String view(ConfigJson root) {
        String view = root.requiredString("view");
        if (!view.matches("[a-z][a-z0-9-]{0,31}")) {
            throw root.error("view", "must be a tab name such as step or compare");
        }
        return view;
    }
}
