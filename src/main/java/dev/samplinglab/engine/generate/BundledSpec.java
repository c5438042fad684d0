package dev.samplinglab.engine.generate;

import dev.samplinglab.engine.BadInputException;
import java.util.Optional;

/** {@code bundled} (the default model) or {@code bundled:NAME}: a model in assets/models. */
public record BundledSpec(String name) implements ModelSpec {
    static final String PREFIX = "bundled";

    static final ModelSource SOURCE =
            new ModelSource() {
                @Override
                public Optional<ModelSpec> parse(String text) {
                    if (text.equals(PREFIX)) {
                        return Optional.of(defaultModel());
                    }
                    if (!text.startsWith(PREFIX + ":")) {
                        return Optional.empty();
                    }
                    String name = text.substring(PREFIX.length() + 1).strip();
                    if (name.isEmpty() || name.contains("/") || name.contains("\\")) {
                        throw new BadInputException(
                                "'%s' names no bundled model; use bundled or bundled:NAME with NAME one of %s"
                                        .formatted(text, BundledModels.names()));
                    }
                    return Optional.of(new BundledSpec(name));
                }

                @Override
                public String usage() {
                    return "bundled[:NAME]";
                }
            };

    /** The model the app and the CLI open when none is given. */
    public static BundledSpec defaultModel() {
        return new BundledSpec(BundledModels.DEFAULT);
    }

    @Override
    public String text() {
        return PREFIX + ":" + name;
    }

    @Override
    public LanguageModel open() {
        return LanguageModel.openFolder(BundledModels.modelDir(name));
    }
}
