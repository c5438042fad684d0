package dev.samplinglab.engine.classroom;

import dev.samplinglab.engine.tokenizer.TextTokenizer;

/**
 * A language model held at one step of a session, as guess scoring reads it: the tokenizer, the ids
 * read so far and the next-token distribution after them (and after a few more ids, for a guess
 * that spans several tokens). Reading it never changes the session it looks at.
 */
public interface NextTokenModel extends AutoCloseable {

    /** The model's tokenizer. */
    TextTokenizer tokenizer();

    /** The ids the model has read so far: prompt and generated tokens. */
    int[] context();

    /**
     * The model's next-token probabilities at temperature 1 (softmax of the logits, no filter)
     * after {@link #context()} followed by {@code extra}; one entry per id the tokenizer shows.
     */
    double[] probabilities(int[] extra);

    @Override
    default void close() {}
}
