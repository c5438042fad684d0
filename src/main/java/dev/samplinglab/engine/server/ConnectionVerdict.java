package dev.samplinglab.engine.server;

import java.util.List;

/**
 * The outcome of {@link ServerConnection#test}: whether stepping through the server will work, and
 * one line that says why or why not.
 *
 * @param ok whether a one-token request returned log-probabilities
 * @param address the address with the flavour detected and the model chosen (as given when the test
 *     failed before knowing them)
 * @param models the models the server lists (empty when unknown)
 * @param topN log-probabilities per step the server sent
 * @param restMass the mass outside them on the test context
 * @param message one line: "llama.cpp server at ..., model ..., top 1000 log-probabilities, token
 *     ids" or the error
 */
public record ConnectionVerdict(
        boolean ok,
        ServerAddress address,
        List<String> models,
        int topN,
        double restMass,
        String message) {
    public ConnectionVerdict {
        models = List.copyOf(models);
    }
}
