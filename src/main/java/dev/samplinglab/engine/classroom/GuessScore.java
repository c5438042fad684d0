package dev.samplinglab.engine.classroom;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A guess scored against the model at one step: a guess that spans several tokens is scored as the
 * product of its tokens' probabilities, each under the model after the tokens before it, and shown
 * so ("p(' Rom') 0.12 × p('eo') 0.9 = 0.108").
 *
 * @param typed what the player typed
 * @param text the text it stands for after the context ({@link GuessText})
 * @param tokens its tokens with their probability and rank, each at its own step
 * @param apart tokenized apart from the context, since it would merge with the context's last token
 *     ({@link GuessTokens#apart()})
 * @param cut the guess had more than {@link GuessScorer#MAX_TOKENS} tokens; only those are scored
 */
public record GuessScore(
        String typed, String text, List<TokenOdds> tokens, boolean apart, boolean cut) {

    /**
     * Points never fall below this log-probability (e^-20 ≈ 2e-9), so one wild guess stays a miss.
     */
    public static final double FLOOR = -20;

    /** How many of the model's likeliest tokens count as a hit. */
    public static final int TOP = 10;

    public GuessScore {
        tokens = List.copyOf(tokens);
    }

    /** Whether there was anything to score. */
    public boolean scored() {
        return !tokens.isEmpty();
    }

    /** The product of the tokens' probabilities: the model's probability of the whole guess. */
    public double prob() {
        return scored()
                ? tokens.stream().mapToDouble(TokenOdds::prob).reduce(1, (a, b) -> a * b)
                : 0;
    }

    /** ln of {@link #prob()}: the sum of the tokens' log-probabilities. */
    public double logProb() {
        return scored()
                ? tokens.stream().mapToDouble(t -> Math.log(t.prob())).sum()
                : Double.NEGATIVE_INFINITY;
    }

    /** The rank of the guess's first token among the model's next tokens (0 when none). */
    public int rank() {
        return scored() ? tokens.get(0).rank() : 0;
    }

    /**
     * Whether the guess is in the model's top {@link #TOP}: each of its tokens is among the {@link
     * #TOP} likeliest at its own step (for one token, its rank is at most 10), so the model would
     * have offered the whole guess from its short list.
     */
    public boolean inTop() {
        return scored() && tokens.stream().allMatch(t -> t.rank() <= TOP);
    }

    /** The log-probability points of this guess: {@link #logProb()}, never below {@link #FLOOR}. */
    public double points() {
        return Math.max(FLOOR, logProb());
    }

    /** Whether the guess is one token of the model. */
    public boolean singleToken() {
        return tokens.size() == 1;
    }

    /** "p(' you') 0.12", or "p(' Rom') 0.12 × p('eo') 0.9 = 0.108" for several tokens. */
    public String formula() {
        if (!scored()) {
            return "nothing to score";
        }
        String product = tokens.stream().map(TokenOdds::factor).collect(Collectors.joining(" × "));
        return singleToken()
                ? product
                : "%s = %s".formatted(product, Probabilities.format(prob(), 3));
    }

    /** What is special about how the guess was read, or "". */
    public String note() {
        if (!scored()) {
            return "empty guess";
        }
        StringBuilder note = new StringBuilder();
        if (!singleToken()) {
            note.append("'%s' is %d tokens of this model, not one".formatted(text, tokens.size()));
        }
        if (apart) {
            note.append(note.isEmpty() ? "" : "; ")
                    .append("it would merge with the context's last token, so it is read apart");
        }
        if (cut) {
            note.append(note.isEmpty() ? "" : "; ")
                    .append("only its first %d tokens are scored".formatted(tokens.size()));
        }
        return note.toString();
    }
}
