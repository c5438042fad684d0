package dev.samplinglab.app.server;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of the environment variable holding a server's API key, as a spec carries it ({@code
 * ?key_env=NAME} after the URL). Only the name is ever written (to the spec and so to the settings
 * file); the engine reads the key from that variable when it connects.
 */
final class KeyEnv {
    private static final Pattern IN_SPEC = Pattern.compile("[?&]key_env=([A-Za-z_][A-Za-z0-9_]*)");

    private KeyEnv() {}

    /** The URL option for {@code name}; empty for no name. */
    static String query(String name) {
        return name.isEmpty() ? "" : "?key_env=" + name;
    }

    /** The variable name a spec names, if any. */
    static Optional<String> of(String spec) {
        int hash = spec.indexOf('#');
        Matcher m = IN_SPEC.matcher(hash < 0 ? spec : spec.substring(0, hash));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
