package dev.samplinglab.engine.server;

import dev.samplinglab.engine.tokenizer.Pieces;
import dev.samplinglab.engine.tokenizer.TextTokenizer;

/**
 * The tokenizer of a server model, so no local tokenizer.json is needed: with a token-id API the
 * server's {@code /tokenize} and {@code /detokenize}; with a text API the prompt is one token of
 * its own text and every generated token is the text the server sent (see {@link ServerVocab}).
 */
final class ServerTokenizer implements TextTokenizer {
    private final LogProbsApi api;
    private final ServerVocab vocab;

    ServerTokenizer(LogProbsApi api, ServerVocab vocab) {
        this.api = api;
        this.vocab = vocab;
    }

    @Override
    public int[] encode(String text) {
        return encode(text, false);
    }

    @Override
    public int[] encodeWithSpecials(String text) {
        return encode(text, true);
    }

    private int[] encode(String text, boolean addSpecial) {
        if (!vocab.serverIds()) {
            return text.isEmpty() ? new int[0] : new int[] {vocab.intern(text)};
        }
        int[] ids = api.tokenize(text, addSpecial);
        vocab.see(ids);
        return ids;
    }

    @Override
    public String decode(int[] ids) {
        StringBuilder sb = new StringBuilder();
        for (int id : ids) {
            String t = vocab.knownText(id);
            if (t == null || t.indexOf('\uFFFD') >= 0) {
                return api.detokenize(ids); // a text not known here, or a partial UTF-8 piece
            }
            sb.append(t);
        }
        return sb.toString();
    }

    @Override
    public String piece(int id) {
        try {
            return Pieces.visible(vocab.text(id));
        } catch (ServerException e) {
            return "#" + id;
        }
    }

    @Override
    public int vocabSize() {
        return vocab.size();
    }

    @Override
    public int eosId() {
        return -1;
    }
}
