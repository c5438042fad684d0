package dev.samplinglab.app.server;

import java.util.List;

/**
 * What the "Inference server…" dialog asks a server, on a worker thread: which API it speaks, which
 * models it serves, and whether one step works. The app passes the engine's HTTP clients; tests
 * pass a fake. Every method may block on the network and stops when its thread is interrupted; a
 * failure is an exception whose message is one line for the user.
 */
public interface ServerProbe {

    /** The flavour the server at {@code baseUrl} speaks (never {@link ServerApi#DETECT}). */
    ServerApi detect(String baseUrl, String apiKey) throws Exception;

    /** The model names the server lists. */
    List<String> models(String baseUrl, ServerApi api, String apiKey) throws Exception;

    /**
     * Asks for one token with its top log-probabilities and describes the answer in a short phrase
     * ("top-20 log-probabilities, token ids").
     */
    String step(String baseUrl, ServerApi api, String model, String apiKey) throws Exception;
}
