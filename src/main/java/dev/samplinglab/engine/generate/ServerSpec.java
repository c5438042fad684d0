package dev.samplinglab.engine.generate;

import dev.samplinglab.engine.server.ServerAddress;
import dev.samplinglab.engine.server.ServerModel;
import java.util.Optional;

/**
 * {@code server:[FLAVOUR+]URL[?top_n=N][#MODEL]}: a model on an inference server (vLLM, llama.cpp
 * server, Ollama or any OpenAI-compatible server), stepped one request per token through its top-N
 * log-probabilities ({@link dev.samplinglab.engine.server}).
 */
public record ServerSpec(ServerAddress address) implements ModelSpec {
    static final ModelSource SOURCE =
            new ModelSource() {
                @Override
                public Optional<ModelSpec> parse(String text) {
                    return ServerAddress.matches(text)
                            ? Optional.of(new ServerSpec(ServerAddress.parse(text)))
                            : Optional.empty();
                }

                @Override
                public String usage() {
                    return ServerAddress.USAGE;
                }
            };

    @Override
    public String text() {
        return address.text();
    }

    @Override
    public LanguageModel open() {
        ServerModel m = ServerModel.open(address);
        return new LanguageModel(m.name(), m.decoder(), m.tokenizer());
    }
}
