package dev.samplinglab.engine.generate;

import dev.samplinglab.engine.model.ModelLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the models shipped in {@code assets/models}: next to the working directory, next to the
 * jar, or inside the jar (extracted once to a temporary folder).
 */
public final class BundledModels {
    /** The default model's folder name. */
    public static final String DEFAULT = "tiny-shakespeare";

    private static final String[] FILES = {"config.json", "model.safetensors", "tokenizer.json"};

    private BundledModels() {}

    /** Folder of the default bundled model. */
    public static Path defaultModelDir() {
        return modelDir(DEFAULT);
    }

    /** Names of the bundled models found. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        Path root = modelsRoot();
        if (root != null) {
            try (var s = Files.list(root)) {
                s.filter(p -> Files.isRegularFile(p.resolve("config.json")))
                        .forEach(p -> names.add(p.getFileName().toString()));
            } catch (IOException ignored) {
                // no folder listing: fall back to the default only
            }
        }
        if (!names.contains(DEFAULT)) {
            names.add(0, DEFAULT);
        }
        return names;
    }

    /** Folder of a bundled model by name. */
    public static Path modelDir(String name) {
        Path root = modelsRoot();
        if (root != null && Files.isDirectory(root.resolve(name))) {
            return root.resolve(name);
        }
        return extractFromClasspath(name);
    }

    private static Path modelsRoot() {
        String prop = System.getProperty("samplinglab.models.dir");
        List<Path> candidates = new ArrayList<>();
        if (prop != null) {
            candidates.add(Path.of(prop));
        }
        candidates.add(Path.of("assets", "models"));
        try {
            Path jar =
                    Path.of(
                            BundledModels.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI());
            candidates.add(jar.getParent().resolve("../assets/models").normalize());
            candidates.add(jar.getParent().resolve("assets/models").normalize());
        } catch (Exception ignored) {
            // no code source (unusual class loader): the working directory is tried
        }
        return candidates.stream().filter(Files::isDirectory).findFirst().orElse(null);
    }

    private static Path extractFromClasspath(String name) {
        try {
            Path dir = Files.createTempDirectory("sampling-lab-" + name);
            for (String f : FILES) {
                try (InputStream in =
                        BundledModels.class.getResourceAsStream("/models/" + name + "/" + f)) {
                    if (in == null) {
                        throw new ModelLoadException(
                                "bundled model '"
                                        + name
                                        + "' not found: expected "
                                        + "assets/models/"
                                        + name
                                        + "/"
                                        + f
                                        + " next to the app");
                    }
                    Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                }
                dir.resolve(f).toFile().deleteOnExit();
            }
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new ModelLoadException(
                    "cannot unpack bundled model '" + name + "': " + e.getMessage(), e);
        }
    }
}
