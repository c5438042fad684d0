package dev.samplinglab.engine.tokenizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A trained byte-level BPE tokenizer (Sennrich et al., "Neural Machine Translation of Rare Words
 * with Subword Units", <a href="https://arxiv.org/abs/1508.07909">arXiv:1508.07909</a>; byte-level
 * variant of GPT-2).
 *
 * <p>Id layout: ids 0..255 are the byte symbols in {@link ByteLevel} order, then one id per new
 * token in the order its merge was learned, and {@link #EOS} is always the last id ({@code
 * vocabSize() - 1}), the way GPT-2 puts {@code <|endoftext|>} at 50256.
 *
 * @param vocab token strings in byte-level form (see {@link ByteLevel}), indexed by id; the last
 *     entry is {@link #EOS}
 * @param merges merges in rank order
 */
public record BpeModel(List<String> vocab, List<Merge> merges) {

    /** The end-of-text special token. */
    public static final String EOS = "<|endoftext|>";

    public BpeModel {
        vocab = List.copyOf(vocab);
        merges = List.copyOf(merges);
        if (vocab.size() <= ByteLevel.BYTE_COUNT || !EOS.equals(vocab.get(vocab.size() - 1))) {
            throw new IllegalArgumentException(
                    "a BPE vocabulary needs the 256 byte symbols followed by tokens and " + EOS);
        }
    }

    /** Number of ids, {@link #EOS} included. */
    public int vocabSize() {
        return vocab.size();
    }

    /** Id of {@link #EOS}: the last id. */
    public int eosId() {
        return vocab.size() - 1;
    }

    /** A pure-Java encoder applying this model's merges. */
    public BpeEncoder encoder() {
        return new BpeEncoder(this);
    }

    /** Writes this model as a Hugging Face {@code tokenizer.json}, atomically. */
    public void writeTokenizerJson(Path file) throws IOException {
        TokenizerJsonWriter.write(this, file);
    }
}
