package dev.samplinglab.engine.server;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The API key sent as {@code Authorization: Bearer} to an inference server: the environment
 * variable {@value #VARIABLE} (overridable by the system property {@code
 * samplinglab.env.SAMPLING_LAB_API_KEY}), else the user's file {@value #FILE_NAME} in the config
 * folder ({@code ~/.config/sampling-lab/}), whose lines are {@code http://host:port=KEY} or {@code
 * default=KEY}. Never read from nor written to the settings file.
 */
public final class ApiKeys {
    public static final String VARIABLE = "SAMPLING_LAB_API_KEY";
    public static final String FILE_NAME = "server-keys.properties";

    private ApiKeys() {}

    /**
     * The key for {@code address}: from the environment variable its spec names ({@code
     * ?key_env=NAME}, overridable by {@code -Dsamplinglab.env.NAME}), else as {@link
     * #forServer(URI)} finds it.
     *
     * @throws ServerException (unauthorized) when the named variable is not set
     */
    public static Optional<String> forServer(ServerAddress address) {
        if (address.keyEnv().isEmpty()) {
            return forServer(address.base());
        }
        String name = address.keyEnv().get();
        String value = System.getProperty("samplinglab.env." + name, System.getenv(name));
        if (value == null || value.isBlank()) {
            throw new ServerException(
                    ServerException.Kind.UNAUTHORIZED,
                    "the environment variable %s (key_env in the spec) is not set; set it to the API key of %s"
                            .formatted(name, address.base()));
        }
        return Optional.of(value.strip());
    }

    /** The key for {@code base}, if any. */
    public static Optional<String> forServer(URI base) {
        String env = System.getProperty("samplinglab.env." + VARIABLE, System.getenv(VARIABLE));
        if (env != null && !env.isBlank()) {
            return Optional.of(env.strip());
        }
        return fromFile(configDir().resolve(FILE_NAME), base);
    }

    /** The key for {@code base} in a keys file: its own line, else {@code default}. */
    static Optional<String> fromFile(Path file, URI base) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String own = p.getProperty(base.toString());
        String key = own != null ? own : p.getProperty("default");
        return Optional.ofNullable(key).map(String::strip).filter(k -> !k.isEmpty());
    }

    /** Where the keys file is: the app's config folder (see the README). */
    public static Path configDir() {
        String explicit = System.getProperty("samplinglab.config.dir");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String appData = System.getenv("APPDATA");
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")
                && appData != null) {
            return Path.of(appData, "sampling-lab");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return xdg != null && !xdg.isBlank()
                ? Path.of(xdg, "sampling-lab")
                : Path.of(System.getProperty("user.home"), ".config", "sampling-lab");
    }
}
