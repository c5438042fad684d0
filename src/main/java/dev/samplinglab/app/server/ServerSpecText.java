package dev.samplinglab.app.server;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The model spec text of an inference-server model, {@code server:URL#MODEL[;api=A][;key-env=V]},
 * built from the dialog and read back for the picker's label. The API key itself is never part of
 * it (only the name of the environment variable that holds it), so the settings file that keeps the
 * last spec never holds a key.
 *
 * @param baseUrl the server's base URL, e.g. {@code http://127.0.0.1:8080}
 * @param model the model name as the server lists it
 * @param api the chosen flavour; {@link ServerApi#DETECT} to detect on open
 * @param keyEnv name of the environment variable holding the API key; empty for none
 */
public record ServerSpecText(String baseUrl, String model, ServerApi api, String keyEnv) {
    public static final String PREFIX = "server:";

    /** The spec text. */
    public String text() {
        StringBuilder b = new StringBuilder(PREFIX).append(baseUrl).append('#').append(model);
        if (api != ServerApi.DETECT) {
            b.append(";api=").append(api.key());
        }
        if (!keyEnv.isEmpty()) {
            b.append(";key-env=").append(keyEnv);
        }
        return b.toString();
    }

    /** Whether {@code spec} names an inference-server model. */
    public static boolean isServer(String spec) {
        return spec != null && spec.strip().toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    /** Reads a spec back (for labels); empty when it is not a server spec of this form. */
    public static Optional<ServerSpecText> parse(String spec) {
        if (!isServer(spec)) {
            return Optional.empty();
        }
        String rest = spec.strip().substring(PREFIX.length());
        int hash = rest.indexOf('#');
        if (hash < 0) {
            return Optional.empty();
        }
        String[] parts = rest.substring(hash + 1).split(";");
        ServerApi api = ServerApi.DETECT;
        String keyEnv = "";
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.startsWith("api=")) {
                api = ServerApi.ofKey(p.substring(4)).orElse(ServerApi.DETECT);
            } else if (p.startsWith("key-env=")) {
                keyEnv = p.substring(8);
            }
        }
        return Optional.of(new ServerSpecText(rest.substring(0, hash), parts[0], api, keyEnv));
    }

    /** "host:port" of the base URL, for short labels. */
    public String host() {
        try {
            URI uri = URI.create(baseUrl);
            return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return baseUrl;
        }
    }
}
