package dev.samplinglab.engine.classroom;

import dev.samplinglab.engine.tokenizer.TextTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores typed guesses for the next token against a model at one step: the guess becomes text
 * ({@link GuessText}), the text becomes the tokens the model's tokenizer would write after the
 * context ({@link GuessTokens}), and each token is looked up in the model's distribution at its own
 * step: the first in the distribution after the context, the second after the context and the
 * first, and so on (the model runs forward on the guess's tokens; the session is untouched). The
 * whole guess's probability is the product (the chain rule, e.g. Jurafsky and Martin, <a
 * href="https://web.stanford.edu/~jurafsky/slp3/3.pdf">Speech and Language Processing, ch. 3</a>).
 */
public final class GuessScorer {
    /** A guess longer than this many tokens is scored on its first ones only. */
    public static final int MAX_TOKENS = 12;

    private GuessScorer() {}

    /** Scores {@code typed} at the model's current step. */
    public static GuessScore score(NextTokenModel model, String typed) {
        TextTokenizer tok = model.tokenizer();
        int[] context = model.context();
        String text = GuessText.resolve(typed, GuessTokens.tailText(tok, context));
        GuessTokens guess = GuessTokens.of(tok, context, text);
        int[] ids = guess.ids();
        boolean cut = ids.length > MAX_TOKENS;
        if (cut) {
            ids = Arrays.copyOf(ids, MAX_TOKENS);
        }
        List<TokenOdds> odds = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            double[] probs = model.probabilities(Arrays.copyOf(ids, i));
            int id = ids[i];
            double p = id < probs.length ? probs[id] : 0;
            int rank = id < probs.length ? Probabilities.rank(probs, id) : probs.length + 1;
            odds.add(new TokenOdds(id, tok.piece(id), p, rank));
        }
        return new GuessScore(typed, text, odds, guess.apart(), cut);
    }

    /** The model's {@code n} likeliest next tokens at the current step. */
    public static List<TokenOdds> top(NextTokenModel model, int n) {
        double[] probs = model.probabilities(new int[0]);
        int[] ids = Probabilities.top(probs, n);
        List<TokenOdds> out = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            out.add(new TokenOdds(ids[i], model.tokenizer().piece(ids[i]), probs[ids[i]], i + 1));
        }
        return out;
    }
}
