package dev.samplinglab.engine.server;

import dev.samplinglab.engine.BadInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a server model lives, parsed from {@code server:[FLAVOUR+]URL[#MODEL]}: {@code
 * server:http://127.0.0.1:8080#gpt2}, {@code server:llamacpp+http://gpu-box:8080}, {@code
 * server:ollama+http://localhost:11434#llama3.2:1b}. Without a flavour it is detected by probing;
 * without a model the server's first (for llama.cpp its only) model is used. A trailing {@code /v1}
 * on the URL is dropped (OpenAI clients are configured with it).
 *
 * @param base the server's root URL, without a trailing slash
 * @param flavour the API, or empty to detect it
 * @param model the model name, or empty for the server's first model
 * @param topN how many log-probabilities to ask per step ({@code ?top_n=N} on the URL); 0 for the
 *     largest the API allows (llama.cpp has no cap: 1000 then)
 * @param keyEnv the name of the environment variable that holds the API key ({@code
 *     ?key_env=NAME}); the key itself is never part of a spec, so never of the settings file
 */
public record ServerAddress(
        URI base,
        Optional<ServerFlavour> flavour,
        Optional<String> model,
        int topN,
        Optional<String> keyEnv) {
    public static final String PREFIX = "server:";

    private static final Pattern OPTION =
            Pattern.compile("^(?:top_n=(\\d{1,6})|key_env=([A-Za-z_][A-Za-z0-9_]*))$");

    /** An address whose key, if any, comes from {@link ApiKeys}' defaults. */
    public ServerAddress(
            URI base, Optional<ServerFlavour> flavour, Optional<String> model, int topN) {
        this(base, flavour, model, topN, Optional.empty());
    }

    private static final Pattern FLAVOURED = Pattern.compile("^([A-Za-z-]+)\\+(.*)$");

    /** The accepted form, for help texts. */
    public static final String USAGE =
            "server:[%s+]http://HOST:PORT#MODEL".formatted(ServerFlavour.keys());

    /** Whether {@code text} is meant as a server spec. */
    public static boolean matches(String text) {
        return text.startsWith(PREFIX);
    }

    /** Parses a spec; a wrong one is a one-line {@link BadInputException}. */
    public static ServerAddress parse(String text) {
        if (!matches(text)) {
            throw new BadInputException("'%s' is not a server spec; use %s".formatted(text, USAGE));
        }
        String rest = text.substring(PREFIX.length()).strip();
        Optional<ServerFlavour> flavour = Optional.empty();
        Matcher m = FLAVOURED.matcher(rest);
        if (m.matches() && !m.group(1).contains("://")) {
            flavour =
                    Optional.of(
                            ServerFlavour.byKey(m.group(1))
                                    .orElseThrow(
                                            () ->
                                                    new BadInputException(
                                                            "unknown server API '%s' in '%s'; use one of %s"
                                                                    .formatted(
                                                                            m.group(1),
                                                                            text,
                                                                            ServerFlavour
                                                                                    .keys()))));
            rest = m.group(2);
        }
        int hash = rest.indexOf('#');
        String url = hash < 0 ? rest : rest.substring(0, hash);
        String model = hash < 0 ? "" : rest.substring(hash + 1).strip();
        int query = url.indexOf('?');
        int topN = 0;
        Optional<String> keyEnv = Optional.empty();
        for (String option : query < 0 ? new String[0] : url.substring(query + 1).split("&")) {
            Matcher o = OPTION.matcher(option);
            if (!o.matches() || (o.group(1) != null && Integer.parseInt(o.group(1)) < 1)) {
                throw new BadInputException(
                        ("'%s': the URL options are ?top_n=N with N >= 1 and key_env=NAME (an"
                                        + " environment variable's name), joined by & (got '%s')")
                                .formatted(text, option));
            }
            if (o.group(1) != null) {
                topN = Integer.parseInt(o.group(1));
            } else {
                keyEnv = Optional.of(o.group(2));
            }
        }
        return new ServerAddress(
                baseUri(query < 0 ? url : url.substring(0, query), text),
                flavour,
                model.isEmpty() ? Optional.empty() : Optional.of(model),
                topN,
                keyEnv);
    }

    private static URI baseUri(String url, String spec) {
        String u = url.strip().replaceAll("/+$", "").replaceAll("/v1$", "");
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme();
            if (scheme == null
                    || !(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null) {
                throw new BadInputException(
                        "'%s' needs an http:// or https:// URL with a host; use %s"
                                .formatted(spec, USAGE));
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new BadInputException(
                    "'%s' has a malformed URL (%s); use %s".formatted(spec, e.getReason(), USAGE));
        }
    }

    /** The same address with the flavour known. */
    public ServerAddress withFlavour(ServerFlavour f) {
        return new ServerAddress(base, Optional.of(f), model, topN, keyEnv);
    }

    /** The same address with a model chosen. */
    public ServerAddress withModel(String name) {
        return new ServerAddress(
                base, flavour, Optional.ofNullable(name).filter(s -> !s.isBlank()), topN, keyEnv);
    }

    /** The canonical spec text. */
    public String text() {
        return PREFIX
                + flavour.map(f -> f.key() + "+").orElse("")
                + base
                + options()
                + model.map(m -> "#" + m).orElse("");
    }

    private String options() {
        java.util.List<String> options = new java.util.ArrayList<>();
        if (topN > 0) {
            options.add("top_n=" + topN);
        }
        keyEnv.ifPresent(name -> options.add("key_env=" + name));
        return options.isEmpty() ? "" : "?" + String.join("&", options);
    }

    @Override
    public String toString() {
        return text();
    }
}
