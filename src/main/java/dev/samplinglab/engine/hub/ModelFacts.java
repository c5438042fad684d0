package dev.samplinglab.engine.hub;

import java.util.Optional;

/**
 * What a model folder holds, read from its {@code config.json} and safetensors headers without
 * loading a weight.
 *
 * @param family the config's {@code model_type} (e.g. {@code gpt2}, {@code llama}); empty if none
 * @param parameterCount elements over all tensors of all shards, or -1 when unknown
 * @param dtype the tensors' element type ({@code BF16}, {@code F32}, {@code F32+F16} when mixed);
 *     empty when unknown
 * @param sizeOnDisk bytes of the folder's files (symlinks followed, each blob counted once)
 * @param problem why the app cannot open the folder; empty when it opens
 */
public record ModelFacts(
        String family,
        long parameterCount,
        String dtype,
        long sizeOnDisk,
        Optional<String> problem) {

    /** Whether the app can open the folder. */
    public boolean opens() {
        return problem.isEmpty();
    }

    /** A one-line summary: "llama · 135M params · BF16 · 270 MB" or the problem. */
    public String summary() {
        StringBuilder sb = new StringBuilder(family.isEmpty() ? "unknown family" : family);
        if (parameterCount >= 0) {
            sb.append(" · ").append(Sizes.params(parameterCount)).append(" params");
        }
        if (!dtype.isEmpty()) {
            sb.append(" · ").append(dtype);
        }
        sb.append(" · ").append(Sizes.bytes(sizeOnDisk));
        return sb.toString();
    }
}
