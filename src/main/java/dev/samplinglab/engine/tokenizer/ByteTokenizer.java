package dev.samplinglab.engine.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The tokenizer of the random benchmark models: ids 0-255 are UTF-8 bytes, higher ids are named
 * {@code <id>} and the last id is end-of-text.
 */
public final class ByteTokenizer implements TextTokenizer {
    private final int vocabSize;

    public ByteTokenizer(int vocabSize) {
        if (vocabSize < 257) {
            throw new IllegalArgumentException(
                    "a byte tokenizer needs a vocabulary of at least 257");
        }
        this.vocabSize = vocabSize;
    }

    @Override
    public int[] encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int[] ids = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            ids[i] = bytes[i] & 0xff;
        }
        return ids;
    }

    @Override
    public String decode(int[] ids) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder sb = new StringBuilder();
        for (int id : ids) {
            if (id < 256) {
                out.write(id);
            } else {
                sb.append(out.toString(StandardCharsets.UTF_8));
                out.reset();
                sb.append(id == eosId() ? "<|endoftext|>" : "<" + id + ">");
            }
        }
        return sb.append(out.toString(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public String piece(int id) {
        if (id < 256) {
            return Pieces.visible(Pieces.bytesToText(new byte[] {(byte) id}));
        }
        return id == eosId() ? "<|endoftext|>" : "<" + id + ">";
    }

    @Override
    public int vocabSize() {
        return vocabSize;
    }

    @Override
    public int eosId() {
        return vocabSize - 1;
    }

    @Override
    public boolean isSpecial(int id) {
        return id >= 256 && id < vocabSize;
    }
}
