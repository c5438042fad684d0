package dev.samplinglab.engine.server;

import dev.samplinglab.engine.model.Decoder;
import dev.samplinglab.engine.tokenizer.TextTokenizer;

/**
 * A model on an inference server as the engine runs it: a {@link Decoder} that asks the server for
 * each step's top-N log-probabilities and a tokenizer backed by the server (no local files). {@code
 * engine.generate.ServerSpec} wraps it into a {@code LanguageModel}.
 *
 * @param address the address with the flavour detected and the model chosen
 * @param api the server API bound to the model
 * @param decoder one request per step
 * @param tokenizer the server's tokenizer, or token texts for a text API
 */
public record ServerModel(
        ServerAddress address, LogProbsApi api, Decoder decoder, TextTokenizer tokenizer) {

    /** Connects (detecting the API when the address does not name it) and binds the model. */
    public static ServerModel open(ServerAddress address) {
        return of(address, ServerConnection.open(address));
    }

    static ServerModel of(ServerAddress address, LogProbsApi api) {
        ServerVocab vocab = new ServerVocab(api);
        return new ServerModel(
                address.withFlavour(api.flavour()).withModel(api.model()),
                api,
                new ServerDecoder(api, vocab),
                new ServerTokenizer(api, vocab));
    }

    /** The name shown for the model: "gpt2.gguf (llama.cpp server)". */
    public String name() {
        return "%s (%s)".formatted(api.model(), api.flavour().label());
    }
}
