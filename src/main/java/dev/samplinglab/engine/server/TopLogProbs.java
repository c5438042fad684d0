package dev.samplinglab.engine.server;

import java.util.Comparator;
import java.util.List;

/**
 * The server's answer for one position: the N most probable next tokens with their
 * log-probabilities, most probable first, and how many were asked.
 *
 * @param top the tokens sent, descending by log-probability
 * @param asked the top-N requested
 */
public record TopLogProbs(List<TokenLogProb> top, int asked) {
    public TopLogProbs {
        top =
                top.stream()
                        .sorted(Comparator.comparingDouble(TokenLogProb::logProb).reversed())
                        .toList();
    }

    /** How many tokens the server sent. */
    public int sent() {
        return top.size();
    }

    /** 1 − Σ p over the tokens sent: the mass of the vocabulary the app does not see. */
    public double restMass() {
        double sum = 0;
        for (TokenLogProb t : top) {
            sum += Math.exp(t.logProb());
        }
        return Math.max(0, 1 - sum);
    }
}
