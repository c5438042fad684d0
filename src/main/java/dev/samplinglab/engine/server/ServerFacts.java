package dev.samplinglab.engine.server;

/**
 * What a server says about its model, each 0 when it does not say.
 *
 * @param vocab token ids the model has (llama.cpp's {@code n_vocab})
 * @param context positions the server accepts ({@code n_ctx}, {@code max_model_len})
 * @param parameters the model's parameter count
 */
public record ServerFacts(int vocab, int context, long parameters) {
    /** Positions assumed when the server does not say. */
    public static final int DEFAULT_CONTEXT = 4096;

    /** The context, or {@link #DEFAULT_CONTEXT} when unknown. */
    public int contextOrDefault() {
        return context > 0 ? context : DEFAULT_CONTEXT;
    }
}
