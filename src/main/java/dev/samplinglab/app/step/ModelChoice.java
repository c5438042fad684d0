package dev.samplinglab.app.step;

/**
 * An entry of the model picker.
 *
 * @param label what the picker shows
 * @param spec what the model opener gets; {@link #OPEN_FOLDER} asks for a folder
 */
public record ModelChoice(String label, String spec) {
    public static final String OPEN_FOLDER = "open-folder";

    public static ModelChoice openFolder() {
        return new ModelChoice("Open Hugging Face folder…", OPEN_FOLDER);
    }

    /** A choice for a spec, labelled by its last path part for folders. */
    public static ModelChoice of(String spec) {
        if (spec.equals("bundled")) {
            return new ModelChoice("Bundled: tiny-shakespeare", spec);
        }
        if (spec.startsWith("random:")) {
            return new ModelChoice(spec + " (random weights)", spec);
        }
        java.nio.file.Path p = java.nio.file.Path.of(spec);
        return new ModelChoice(
                "Folder: " + (p.getFileName() == null ? spec : p.getFileName()), spec);
    }

    @Override
    public String toString() {
        return label;
    }
}
