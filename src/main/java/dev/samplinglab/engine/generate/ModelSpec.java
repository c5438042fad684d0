package dev.samplinglab.engine.generate;

import dev.samplinglab.engine.BadInputException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which model to open, parsed once from the text a user gives ({@code --model}, the app's picker,
 * the settings file): {@code bundled}, {@code bundled:NAME}, {@code random:NAME} or a folder path.
 * Every command and the app go through {@link #parse}; a new kind of source (a Hugging Face repo id
 * from the local cache, an inference server) is one {@link ModelSource} added to {@link #SOURCES}.
 */
public interface ModelSpec {

    /** The sources tried in order; the folder source accepts any text, so it stays last. */
    List<ModelSource> SOURCES =
            List.of(
                    BundledSpec.SOURCE,
                    RandomSpec.SOURCE,
                    ServerSpec.SOURCE,
                    HubSpec.SOURCE,
                    FolderSpec.SOURCE);

    /** The canonical text of this spec ({@code bundled:tiny-shakespeare}, {@code random:tiny}). */
    String text();

    /** Opens the model (slow; interrupting the thread cancels a load). */
    LanguageModel open();

    /** Parses a spec; {@code null} or blank is the default bundled model. */
    static ModelSpec parse(String text) {
        if (text == null || text.isBlank()) {
            return BundledSpec.defaultModel();
        }
        String t = text.strip();
        for (ModelSource source : SOURCES) {
            Optional<ModelSpec> spec = source.parse(t);
            if (spec.isPresent()) {
                return spec.get();
            }
        }
        throw new BadInputException("unknown model '%s'; use %s".formatted(t, usage()));
    }

    /** The accepted forms, for help texts and messages. */
    static String usage() {
        return SOURCES.stream().map(ModelSource::usage).collect(Collectors.joining(", "));
    }
}
