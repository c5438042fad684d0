package dev.samplinglab.engine.lesson;

import java.util.regex.Pattern;

/**
 * One weights file of a model and its SHA-256 (FIPS 180-4), as lowercase hex.
 *
 * @param file the file name inside the model folder ({@code model.safetensors}, a shard)
 * @param bytes its size
 * @param sha256 64 lowercase hex digits
 */
public record WeightsFile(String file, long bytes, String sha256) {
    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public WeightsFile {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a sha256: " + sha256);
        }
    }

    /** {@code model.safetensors (11.2 MB) sha256 1f2e…}, the full hash. */
    public String describe() {
        return "%s (%,d bytes) sha256 %s".formatted(file, bytes, sha256);
    }
}
