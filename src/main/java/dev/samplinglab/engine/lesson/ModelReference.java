package dev.samplinglab.engine.lesson;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The model a lesson was made on: its spec as {@link dev.samplinglab.engine.generate.ModelSpec}
 * parses it, and the SHA-256 of each weights file, so a different model under the same name is
 * detected. Random-weight models ({@code random:tiny}) have no file: their spec is their weights.
 *
 * @param spec the model spec text
 * @param weights the weights files, sorted by name; empty when the model has none
 */
public record ModelReference(String spec, List<WeightsFile> weights) {

    public ModelReference {
        Objects.requireNonNull(spec, "spec");
        weights = List.copyOf(weights);
    }

    /** Whether both name the same weights (same files, same hashes). */
    public boolean sameWeights(ModelReference other) {
        return weights.equals(other.weights);
    }

    /** The hashes in one line, {@code model.safetensors sha256 1f2e…} per file. */
    public String describeWeights() {
        if (weights.isEmpty()) {
            return "no weights file (generated from the spec)";
        }
        return weights.stream().map(WeightsFile::describe).collect(Collectors.joining("; "));
    }
}
