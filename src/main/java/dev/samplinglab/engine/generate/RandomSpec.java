package dev.samplinglab.engine.generate;

import dev.samplinglab.engine.BadInputException;
import java.util.Optional;

/**
 * {@code random:NAME}: a model with seeded random weights and real shapes, from {@link
 * RandomModels}.
 */
public record RandomSpec(RandomModels.Shape shape) implements ModelSpec {
    static final String PREFIX = "random:";

    static final ModelSource SOURCE =
            new ModelSource() {
                @Override
                public Optional<ModelSpec> parse(String text) {
                    if (!text.startsWith(PREFIX)) {
                        return Optional.empty();
                    }
                    String name = text.substring(PREFIX.length());
                    return Optional.of(
                            new RandomSpec(
                                    RandomModels.find(name)
                                            .orElseThrow(
                                                    () ->
                                                            new BadInputException(
                                                                    "unknown random model '%s'; use one of %s"
                                                                            .formatted(
                                                                                    text,
                                                                                    String.join(
                                                                                            ", ",
                                                                                            RandomModels
                                                                                                    .specs()))))));
                }

                @Override
                public String usage() {
                    return String.join(", ", RandomModels.specs());
                }
            };

    @Override
    public String text() {
        return PREFIX + shape.name();
    }

    @Override
    public LanguageModel open() {
        return shape.open(RandomModels.SEED);
    }
}
