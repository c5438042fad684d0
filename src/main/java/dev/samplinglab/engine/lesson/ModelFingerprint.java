package dev.samplinglab.engine.lesson;

import dev.samplinglab.engine.BadInputException;
import dev.samplinglab.engine.generate.BundledModels;
import dev.samplinglab.engine.generate.BundledSpec;
import dev.samplinglab.engine.generate.FolderSpec;
import dev.samplinglab.engine.generate.HubSpec;
import dev.samplinglab.engine.generate.ModelSpec;
import dev.samplinglab.engine.model.ConfigJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleConsumer;

/**
 * Finds the weights files behind a model spec and hashes them with SHA-256 (FIPS 180-4,
 * https://doi.org/10.6028/NIST.FIPS.180-4), so a lesson names exactly the model it was made on.
 * Hashes are remembered per file, size and modification time, so saving a lesson twice reads a
 * large model once. Slow for large models: call it off the UI thread.
 */
public final class ModelFingerprint {
    private static final String SINGLE = "model.safetensors";
    private static final String INDEX = "model.safetensors.index.json";
    private static final Map<String, String> HASHES = new ConcurrentHashMap<>();

    private ModelFingerprint() {}

    /** Thrown when the model a spec names is not on this computer. */
    public static final class MissingModelException extends BadInputException {
        public MissingModelException(String message) {
            super(message);
        }
    }

    /**
     * The reference for {@code specText}: the canonical spec and its weights' hashes.
     *
     * <p>The spec is kept as written ({@code bundled} stays {@code bundled}), so the window reopens
     * the model it already has.
     *
     * @param progress receives the fraction of bytes hashed, in [0, 1]
     * @throws MissingModelException when the folder, the cached snapshot or the bundled model is
     *     not there
     */
    public static ModelReference of(String specText, DoubleConsumer progress) {
        ModelSpec spec = ModelSpec.parse(specText);
        String text = specText == null || specText.isBlank() ? spec.text() : specText.strip();
        Optional<Path> dir = folder(spec);
        if (dir.isEmpty()) {
            return new ModelReference(text, List.of());
        }
        return new ModelReference(text, hash(dir.get(), weightFiles(dir.get()), progress));
    }

    /** The model folder of a spec, empty for a model without files (random weights, a server). */
    static Optional<Path> folder(ModelSpec spec) {
        if (spec instanceof FolderSpec f) {
            if (!Files.isDirectory(f.dir())) {
                throw new MissingModelException(
                        "the model folder %s is not on this computer".formatted(f.dir()));
            }
            return Optional.of(f.dir());
        }
        if (spec instanceof BundledSpec b) {
            if (!BundledModels.names().contains(b.name())) {
                throw new MissingModelException(
                        "bundled model %s is not part of this installation (it has %s)"
                                .formatted(b.name(), BundledModels.names()));
            }
            return Optional.of(BundledModels.modelDir(b.name()));
        }
        if (spec instanceof HubSpec h) {
            try {
                return Optional.of(h.resolve());
            } catch (BadInputException e) {
                throw new MissingModelException(e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** {@code model.safetensors}, or the shards the index lists, sorted by name. */
    static List<String> weightFiles(Path dir) {
        if (Files.isRegularFile(dir.resolve(SINGLE))) {
            return List.of(SINGLE);
        }
        if (Files.isRegularFile(dir.resolve(INDEX))) {
            ConfigJson map = ConfigJson.read(dir.resolve(INDEX)).requiredObject("weight_map");
            TreeSet<String> shards = new TreeSet<>();
            map.keys().forEach(k -> shards.add(map.requiredString(k)));
            return List.copyOf(shards);
        }
        throw new MissingModelException(
                "the model folder %s has no model.safetensors (nor an index of shards)"
                        .formatted(dir));
    }

    private static List<WeightsFile> hash(Path dir, List<String> names, DoubleConsumer progress) {
        try {
            long total = 0;
            for (String n : names) {
                total += Files.size(dir.resolve(n));
            }
            long[] done = {0};
            long all = Math.max(1, total);
            List<WeightsFile> out = new ArrayList<>();
            for (String n : names) {
                Path file = dir.resolve(n);
                long size = Files.size(file);
                String key =
                        "%s|%d|%s"
                                .formatted(
                                        file.toRealPath(), size, Files.getLastModifiedTime(file));
                long before = done[0];
                String sha = HASHES.get(key);
                if (sha == null) {
                    sha = sha256(file, read -> progress.accept((before + read) / (double) all));
                    HASHES.put(key, sha);
                }
                done[0] += size;
                progress.accept(done[0] / (double) all);
                out.add(new WeightsFile(n, size, sha));
            }
            return out;
        } catch (IOException e) {
            throw new MissingModelException(
                    "the weights in %s cannot be read (%s)".formatted(dir, e.getMessage()));
        }
    }

    /** The SHA-256 of a file as lowercase hex; {@code progress} gets the bytes read so far. */
    static String sha256(Path file, java.util.function.LongConsumer progress) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        byte[] buffer = new byte[1 << 20];
        long read = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new java.io.InterruptedIOException("hashing was cancelled");
                }
                digest.update(buffer, 0, n);
                read += n;
                progress.accept(read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
