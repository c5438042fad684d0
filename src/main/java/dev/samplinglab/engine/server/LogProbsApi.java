package dev.samplinglab.engine.server;

import java.util.List;

/**
 * One inference-server API as the engine uses it: list the models, and ask for the top-N
 * log-probabilities of the next token after a context (one request, one token). Implementations are
 * per flavour and bound to one model.
 */
public interface LogProbsApi {

    ServerFlavour flavour();

    /** The model requests go to. */
    String model();

    /** The models the server lists. */
    List<String> models();

    /** Vocabulary, context and size as the server reports them (0 where it does not). */
    ServerFacts facts();

    /** The largest top-N this API is asked for (it may lower it once the server names its cap). */
    int topN();

    /** The next token's top-N log-probabilities after {@code context}. */
    TopLogProbs next(ServerContext context);

    /**
     * The server's tokenization of {@code text} (only for {@link ServerFlavour#tokenIds()}).
     *
     * @param addSpecial whether the server adds the BOS (or other specials) its model wants
     */
    default int[] tokenize(String text, boolean addSpecial) {
        throw new ServerException(
                ServerException.Kind.UNSUPPORTED,
                "%s has no tokenize endpoint".formatted(flavour().label()));
    }

    /** The text of {@code ids} (only for {@link ServerFlavour#tokenIds()}). */
    default String detokenize(int[] ids) {
        throw new ServerException(
                ServerException.Kind.UNSUPPORTED,
                "%s has no detokenize endpoint".formatted(flavour().label()));
    }
}
