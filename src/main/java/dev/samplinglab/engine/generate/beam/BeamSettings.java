package dev.samplinglab.engine.generate.beam;

import dev.samplinglab.engine.BadInputException;

/**
 * The knobs of beam search, named and checked as in Hugging Face's {@code GenerationConfig}:
 * num_beams, length_penalty, early_stopping, num_return_sequences, no_repeat_ngram_size, plus the
 * number of new tokens (HF's max_new_tokens).
 *
 * @param numBeams running beams per step, 1..{@link #MAX_BEAMS}; 1 is greedy search written as a
 *     beam search (HF refuses it; kept so the equivalence with greedy can be tested)
 * @param lengthPenalty exponent of the generated length that divides a finished hypothesis' sum of
 *     log-probabilities: &gt; 0 favours longer, &lt; 0 shorter sequences
 * @param noRepeatNgramSize 0 for none, else no n-gram of this size may occur twice in a beam
 */
public record BeamSettings(
        int numBeams,
        double lengthPenalty,
        EarlyStopping earlyStopping,
        int numReturnSequences,
        int noRepeatNgramSize,
        int maxNewTokens) {

    /** The most beams the engine, the CLI and the app accept. */
    public static final int MAX_BEAMS = 64;

    public BeamSettings {
        if (numBeams < 1 || numBeams > MAX_BEAMS) {
            throw new BadInputException(
                    "number of beams must be 1..%d, not %d".formatted(MAX_BEAMS, numBeams));
        }
        if (!Double.isFinite(lengthPenalty)) {
            throw new BadInputException(
                    "length penalty must be a finite number, not %s".formatted(lengthPenalty));
        }
        if (earlyStopping == null) {
            throw new BadInputException("early stopping must be true, false or never");
        }
        if (numReturnSequences < 1 || numReturnSequences > numBeams) {
            throw new BadInputException(
                    "number of returned sequences must be 1..%d (the number of beams), not %d"
                            .formatted(numBeams, numReturnSequences));
        }
        if (noRepeatNgramSize < 0) {
            throw new BadInputException(
                    "no-repeat n-gram size must be 0 (off) or more, not %d"
                            .formatted(noRepeatNgramSize));
        }
        if (maxNewTokens < 1) {
            throw new BadInputException(
                    "max new tokens must be at least 1, not %d".formatted(maxNewTokens));
        }
    }

    /** Hugging Face's defaults (length_penalty 1, early_stopping False, one sequence). */
    public static BeamSettings of(int numBeams, int maxNewTokens) {
        return new BeamSettings(numBeams, 1.0, EarlyStopping.FALSE, 1, 0, maxNewTokens);
    }

    public BeamSettings withNumBeams(int n) {
        return new BeamSettings(
                n,
                lengthPenalty,
                earlyStopping,
                Math.min(numReturnSequences, n),
                noRepeatNgramSize,
                maxNewTokens);
    }

    public BeamSettings withLengthPenalty(double lp) {
        return new BeamSettings(
                numBeams, lp, earlyStopping, numReturnSequences, noRepeatNgramSize, maxNewTokens);
    }

    public BeamSettings withEarlyStopping(EarlyStopping es) {
        return new BeamSettings(
                numBeams, lengthPenalty, es, numReturnSequences, noRepeatNgramSize, maxNewTokens);
    }

    public BeamSettings withNumReturnSequences(int k) {
        return new BeamSettings(
                numBeams, lengthPenalty, earlyStopping, k, noRepeatNgramSize, maxNewTokens);
    }

    public BeamSettings withNoRepeatNgramSize(int n) {
        return new BeamSettings(
                numBeams, lengthPenalty, earlyStopping, numReturnSequences, n, maxNewTokens);
    }

    public BeamSettings withMaxNewTokens(int n) {
        return new BeamSettings(
                numBeams, lengthPenalty, earlyStopping, numReturnSequences, noRepeatNgramSize, n);
    }

    /** Score of a finished hypothesis: sum_logprobs / generated_len ** length_penalty. */
    public double lengthPenalised(double sumLogProbs, int generatedLength) {
        return sumLogProbs / Math.pow(generatedLength, lengthPenalty);
    }
}
