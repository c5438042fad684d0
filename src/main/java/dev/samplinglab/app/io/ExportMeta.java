package dev.samplinglab.app.io;

import com.google.gson.JsonObject;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What an export says about where it came from, the same in a PNG's title block, a CSV's columns
 * and a JSON's fields: model, prompt, step (numbered as the window numbers it, from 1), strategy,
 * seed and the date of the export.
 *
 * @param view what was exported ("Step", "Compare")
 * @param model the model's name
 * @param prompt the prompt
 * @param step the step shown (1-based), 0 before the first step
 * @param steps how many steps there are
 * @param strategy the strategy in words
 * @param seed the coin seed
 * @param date when the export was made
 */
public record ExportMeta(
        String view,
        String model,
        String prompt,
        int step,
        int steps,
        String strategy,
        long seed,
        ZonedDateTime date) {

    /** The CSV columns that carry the metadata, after each row's own columns. */
    public static final List<String> CSV_COLUMNS =
            List.of("model", "prompt", "seed", "exported_at");

    public ExportMeta {
        date = date.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The date as ISO 8601 with its offset, e.g. 2026-11-29T15:04:05Z. */
    public String isoDate() {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date);
    }

    /** The values of {@link #CSV_COLUMNS}. */
    public List<String> csvValues() {
        return List.of(model, prompt, Long.toString(seed), isoDate());
    }

    /** Adds the metadata to a JSON export's root object. */
    public void addTo(JsonObject root) {
        root.addProperty("model", model);
        root.addProperty("prompt", prompt);
        root.addProperty("seed", seed);
        root.addProperty("steps", steps);
        root.addProperty("exported_at", isoDate());
    }

    /** The PNG title block: a heading, then the prompt, then strategy, seed and date. */
    public List<String> titleLines() {
        String where = steps == 0 ? "no step yet" : "step %d of %d".formatted(step, steps);
        return List.of(
                "Sampling Lab · %s · %s · model %s".formatted(view, where, model),
                "Prompt: " + oneLine(prompt),
                "%s · seed %d · %s"
                        .formatted(
                                strategy,
                                seed,
                                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").format(date)));
    }

    /** The prompt on one line, long prompts cut with an ellipsis. */
    static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 140 ? flat.substring(0, 139) + "…" : flat;
    }
}
