package dev.samplinglab.engine.generate;

import java.util.Optional;

/** One kind of model spec: recognises its own text form and names it for help texts. */
public interface ModelSource {

    /**
     * The spec for {@code text} when it is this source's form; empty when it is not. A text of this
     * form that is wrong (an unknown random shape) is a {@link
     * dev.samplinglab.engine.BadInputException}.
     */
    Optional<ModelSpec> parse(String text);

    /** The form in one phrase, e.g. {@code random:tiny|gpt2-small}. */
    String usage();
}
