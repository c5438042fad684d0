package dev.samplinglab.engine.server;

import dev.samplinglab.engine.server.ServerException.Kind;

/** The checks every answer passes: some tokens, finite log-probabilities, as many as asked. */
final class TopLogProbsCheck {
    private TopLogProbsCheck() {}

    /**
     * Keeps the {@code asked} most probable (servers add the sampled token when it is not among
     * them: it would hide tokens between it and the N-th) and refuses fewer than asked unless the
     * vocabulary is that small.
     *
     * @param vocab the model's vocabulary, 0 when unknown
     */
    static TopLogProbs checked(TopLogProbs t, int asked, int vocab, String where) {
        for (TokenLogProb x : t.top()) {
            if (Double.isNaN(x.logProb()) || x.logProb() > 1e-6) {
                throw new ServerException(
                        Kind.MALFORMED,
                        "the server sent a log-probability of %s for '%s' from %s; it must be <= 0"
                                .formatted(x.logProb(), x.text(), where));
            }
        }
        if (t.sent() == 0) {
            throw new ServerException(
                    Kind.NO_LOGPROBS,
                    "the server sent no top log-probabilities from %s; are logprobs enabled?"
                            .formatted(where));
        }
        int expected = vocab > 0 ? Math.min(asked, vocab) : asked;
        if (t.sent() < expected) {
            throw new ServerException(
                    Kind.TOO_FEW_LOGPROBS,
                    "the server sent %d top log-probabilities where %d were asked (%s); raise its cap (vLLM: --max-logprobs %d)"
                            .formatted(t.sent(), asked, where, asked));
        }
        if (t.sent() > asked) {
            return new TopLogProbs(t.top().subList(0, asked), asked);
        }
        return t;
    }
}
