package dev.samplinglab.engine.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the Hugging Face cache is, which endpoint to use, the token and the offline switch,
 * resolved from environment variables exactly as {@code huggingface_hub} resolves them (see its
 * {@code constants.py},
 * https://huggingface.co/docs/huggingface_hub/package_reference/environment_variables). The
 * variables come from an injectable map so tests and the app never read the developer's real cache
 * by accident; {@link #system()} lets a system property {@code samplinglab.env.NAME} override the
 * variable {@code NAME}.
 *
 * @param cacheDir the hub cache: HF_HUB_CACHE, else HF_HOME/hub, else
 *     $XDG_CACHE_HOME/huggingface/hub, else ~/.cache/huggingface/hub
 * @param endpoint HF_ENDPOINT without a trailing slash (default https://huggingface.co)
 * @param token HF_TOKEN, else the file HF_TOKEN_PATH or HF_HOME/token; empty when none
 * @param offline HF_HUB_OFFLINE is 1/true/yes/on
 * @param proxy HTTPS_PROXY or ALL_PROXY (either case); empty: the system's proxy settings
 * @param noProxy NO_PROXY, hosts that bypass {@code proxy}
 */
public record HubEnvironment(
        Path cacheDir,
        String endpoint,
        Optional<String> token,
        boolean offline,
        Optional<String> proxy,
        String noProxy) {

    /** The public hub. */
    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";

    /** Prefix of the system properties that override environment variables. */
    public static final String PROPERTY_PREFIX = "samplinglab.env.";

    private static final Set<String> NAMES =
            Set.of(
                    "HF_HUB_CACHE",
                    "HUGGINGFACE_HUB_CACHE",
                    "HF_HOME",
                    "XDG_CACHE_HOME",
                    "HF_ENDPOINT",
                    "HF_TOKEN",
                    "HUGGING_FACE_HUB_TOKEN",
                    "HF_TOKEN_PATH",
                    "HF_HUB_OFFLINE",
                    "HTTPS_PROXY",
                    "https_proxy",
                    "ALL_PROXY",
                    "all_proxy",
                    "NO_PROXY",
                    "no_proxy");

    private static final Set<String> TRUE_VALUES = Set.of("1", "on", "yes", "true");

    /** The process environment, each variable overridable by {@code -Dsamplinglab.env.NAME=...}. */
    public static HubEnvironment system() {
        return of(systemVariables(), Path.of(System.getProperty("user.home")));
    }

    /** The variables {@link #system()} reads: getenv, with the system-property overrides. */
    public static Map<String, String> systemVariables() {
        Map<String, String> env = new HashMap<>();
        for (String name : NAMES) {
            String value = System.getProperty(PROPERTY_PREFIX + name, System.getenv(name));
            if (value != null) {
                env.put(name, value);
            }
        }
        return env;
    }

    /** Resolves everything from {@code env}; {@code home} stands for {@code ~}. */
    public static HubEnvironment of(Map<String, String> env, Path home) {
        Path hfHome = hfHome(env, home);
        Path cache =
                first(env, "HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE")
                        .map(v -> expand(v, home))
                        .orElse(hfHome.resolve("hub"));
        String endpoint = first(env, "HF_ENDPOINT").orElse(DEFAULT_ENDPOINT).replaceAll("/+$", "");
        Optional<String> token =
                first(env, "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN")
                        .or(() -> readToken(tokenFile(env, home, hfHome)));
        boolean offline =
                first(env, "HF_HUB_OFFLINE")
                        .map(v -> TRUE_VALUES.contains(v.trim().toLowerCase(Locale.ROOT)))
                        .orElse(false);
        return new HubEnvironment(
                cache,
                endpoint,
                token.map(String::strip),
                offline,
                first(env, "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"),
                first(env, "NO_PROXY", "no_proxy").orElse(""));
    }

    /** The same settings with another cache folder ({@code --cache-dir}). */
    public HubEnvironment withCacheDir(Path dir) {
        return new HubEnvironment(dir, endpoint, token, offline, proxy, noProxy);
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "HubEnvironment[cache=%s, endpoint=%s, token=%s, offline=%s]"
                .formatted(cacheDir, endpoint, token.isPresent() ? "set" : "none", offline);
    }

    /** The same settings with another endpoint (a mirror, or a test server). */
    public HubEnvironment withEndpoint(String url) {
        return new HubEnvironment(
                cacheDir, url.replaceAll("/+$", ""), token, offline, proxy, noProxy);
    }

    /** The cache's layout helper. */
    public HubCache cache() {
        return new HubCache(cacheDir);
    }

    private static Path hfHome(Map<String, String> env, Path home) {
        return first(env, "HF_HOME")
                .map(v -> expand(v, home))
                .orElseGet(
                        () ->
                                first(env, "XDG_CACHE_HOME")
                                        .map(v -> expand(v, home))
                                        .orElse(home.resolve(".cache"))
                                        .resolve("huggingface"));
    }

    private static Path tokenFile(Map<String, String> env, Path home, Path hfHome) {
        return first(env, "HF_TOKEN_PATH")
                .map(v -> expand(v, home))
                .orElse(hfHome.resolve("token"));
    }

    private static Optional<String> readToken(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return first(Map.of("t", Files.readString(file, StandardCharsets.UTF_8)), "t");
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> first(Map<String, String> env, String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isBlank()) {
                return Optional.of(v.strip());
            }
        }
        return Optional.empty();
    }

    private static Path expand(String value, Path home) {
        if (value.equals("~")) {
            return home;
        }
        if (value.startsWith("~/")) {
            return home.resolve(value.substring(2));
        }
        return Path.of(value);
    }
}
