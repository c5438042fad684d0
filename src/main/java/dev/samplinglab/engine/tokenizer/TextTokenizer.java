package dev.samplinglab.engine.tokenizer;

/** Text to token ids and back, plus a readable display piece for every id. */
public interface TextTokenizer extends AutoCloseable {

    int[] encode(String text);

    /** Decodes ids to text (special tokens kept). */
    String decode(int[] ids);

    /** The token as shown in charts: its text with space, newline and tab made visible. */
    String piece(int id);

    /** Number of ids the tokenizer knows. */
    int vocabSize();

    /** The end-of-text id, or -1 when there is none. */
    int eosId();

    @Override
    default void close() {}
}
