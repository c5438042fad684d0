package dev.samplinglab.app.step;

/**
 * An entry of the model picker: a model to open, a model found in the Hugging Face cache, a section
 * header, or an action.
 *
 * @param label what the picker shows
 * @param spec what the model opener gets; {@link #OPEN_FOLDER} asks for a folder, {@link
 *     #GET_MODEL} opens the download dialog
 * @param detail a second line: family, size and dtype, or why the model does not open
 * @param enabled false for headers and for models the app cannot open (shown greyed)
 * @param kind what the entry is
 */
public record ModelChoice(String label, String spec, String detail, boolean enabled, Kind kind) {
    public static final String OPEN_FOLDER = "open-folder";
    public static final String GET_MODEL = "get-model";
    public static final String INFERENCE_SERVER = "inference-server";

    /** What an entry is. */
    public enum Kind {
        MODEL,
        CACHED,
        HEADER,
        ACTION
    }

    public ModelChoice(String label, String spec) {
        this(label, spec, "", true, Kind.MODEL);
    }

    public static ModelChoice openFolder() {
        return new ModelChoice("Open Hugging Face folder…", OPEN_FOLDER, "", true, Kind.ACTION);
    }

    public static ModelChoice getModel() {
        return new ModelChoice(
                "Get a model…", GET_MODEL, "download from the Hugging Face Hub", true, Kind.ACTION);
    }

    public static ModelChoice inferenceServer() {
        return new ModelChoice(
                "Inference server…",
                INFERENCE_SERVER,
                "vLLM, llama.cpp or Ollama: top-N log-probabilities",
                true,
                Kind.ACTION);
    }

    /** A section title such as "On this computer". */
    public static ModelChoice header(String title) {
        return new ModelChoice(title, "", "", false, Kind.HEADER);
    }

    /** A model found in the Hugging Face cache; greyed with the reason when it does not open. */
    public static ModelChoice cached(String label, String spec, String detail, boolean opens) {
        return new ModelChoice(label, spec, detail, opens, Kind.CACHED);
    }

    /** Whether picking this entry runs an action instead of opening a model. */
    public boolean isAction() {
        return kind == Kind.ACTION;
    }

    public boolean isHeader() {
        return kind == Kind.HEADER;
    }

    /** A choice for a spec, labelled by its last path part for folders. */
    public static ModelChoice of(String spec) {
        if (spec.equals("bundled")) {
            return new ModelChoice("Bundled: tiny-shakespeare", spec);
        }
        if (dev.samplinglab.engine.server.ServerAddress.matches(spec)) {
            return server(spec);
        }
        if (spec.startsWith("random:")) {
            return new ModelChoice(spec + " (random weights)", spec);
        }
        if (isRepoId(spec)) {
            return new ModelChoice(spec, spec, "Hugging Face cache", true, Kind.MODEL);
        }
        java.nio.file.Path p = java.nio.file.Path.of(spec);
        return new ModelChoice(
                "Folder: " + (p.getFileName() == null ? spec : p.getFileName()), spec);
    }

    /** An inference-server model: its model name (or host), with the server's URL underneath. */
    private static ModelChoice server(String spec) {
        String label = spec;
        String detail = "inference server";
        try {
            var a = dev.samplinglab.engine.server.ServerAddress.parse(spec);
            label = a.model().orElse(a.base().getHost());
            detail =
                    "inference server %s%s"
                            .formatted(a.base(), a.flavour().map(f -> ", " + f.label()).orElse(""));
        } catch (dev.samplinglab.engine.BadInputException e) {
            detail = e.getMessage();
        }
        return new ModelChoice("Server: " + label, spec, detail, true, Kind.MODEL);
    }

    /** ORG/NAME or ORG/NAME@REVISION, not a path on disk. */
    private static boolean isRepoId(String spec) {
        String id = spec.contains("@") ? spec.substring(0, spec.lastIndexOf('@')) : spec;
        return id.contains("/")
                && dev.samplinglab.engine.hub.RepoId.isValid(id)
                && !java.nio.file.Files.exists(java.nio.file.Path.of(spec));
    }

    @Override
    public String toString() {
        return label;
    }
}
