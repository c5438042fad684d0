package dev.samplinglab.engine.train;

/**
 * Cross-entropy of a text: total nats over its tokens and characters (code points).
 *
 * @param tokens tokens scored
 * @param chars characters of the text
 * @param nats total negative log-likelihood in nats
 */
public record EvalResult(long tokens, long chars, double nats) {

    public double natsPerToken() {
        return nats / tokens;
    }

    /** Total nats / characters / ln 2. */
    public double bitsPerChar() {
        return nats / chars / Math.log(2);
    }

    /** The JSON printed by {@code eval --json}. */
    public String toJson() {
        return String.format(
                java.util.Locale.ROOT,
                "{\"tokens\": %d, \"chars\": %d, \"nats_per_token\": %.6f, \"bits_per_char\": %.6f}",
                tokens,
                chars,
                natsPerToken(),
                bitsPerChar());
    }
}
