package dev.samplinglab.engine.generate;

import dev.samplinglab.engine.BadInputException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** A Hugging Face model folder on disk (config.json, model.safetensors, tokenizer.json). */
public record FolderSpec(Path dir) implements ModelSpec {

    static final ModelSource SOURCE =
            new ModelSource() {
                @Override
                public Optional<ModelSpec> parse(String text) {
                    try {
                        return Optional.of(new FolderSpec(Path.of(text)));
                    } catch (InvalidPathException e) {
                        throw new BadInputException(
                                "'%s' is not a valid folder path (%s)"
                                        .formatted(text, e.getReason()));
                    }
                }

                @Override
                public String usage() {
                    return "a model folder";
                }
            };

    @Override
    public String text() {
        return dir.toString();
    }

    @Override
    public LanguageModel open() {
        return LanguageModel.openFolder(dir);
    }
}
