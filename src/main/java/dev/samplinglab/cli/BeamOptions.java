package dev.samplinglab.cli;

import dev.samplinglab.engine.BadInputException;
import dev.samplinglab.engine.generate.beam.BeamSettings;
import dev.samplinglab.engine.generate.beam.EarlyStopping;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The beam-search options of {@code generate}, named as Hugging Face's generate() arguments. {@code
 * --num-beams 1} alone is greedy search; the other options need 2 or more beams.
 */
public final class BeamOptions {

    @Option(
            names = "--num-beams",
            paramLabel = "N",
            description = "Beam search with N beams, 2..64 (1 = greedy search).")
    Integer numBeams;

    @Option(
            names = "--length-penalty",
            paramLabel = "L",
            description =
                    "Finished beams score sum_logprobs / length^L (default 1; > 0 favours longer,"
                            + " < 0 shorter).")
    Double lengthPenalty;

    @Option(
            names = "--early-stopping",
            paramLabel = "MODE",
            description =
                    "true (stop at num_beams finished), false (default: HF's heuristic) or never.")
    String earlyStopping;

    @Option(
            names = "--num-return-sequences",
            paramLabel = "K",
            description = "Print the K best finished beams, 1..num_beams (default 1).")
    Integer numReturnSequences;

    @Option(
            names = "--no-repeat-ngram-size",
            paramLabel = "K",
            description = "No n-gram of size K occurs twice in a beam (default 0 = off).")
    Integer noRepeatNgramSize;

    /** Whether beam search (2 or more beams) was asked for; checks the option combination. */
    boolean beamSearch() {
        List<String> beamOnly = beamOnlyGiven();
        if (numBeams == null) {
            if (!beamOnly.isEmpty()) {
                throw new BadInputException(
                        "%s needs beam search: add --num-beams N with N from 2 to %d"
                                .formatted(beamOnly.get(0), BeamSettings.MAX_BEAMS));
            }
            return false;
        }
        if (numBeams < 1 || numBeams > BeamSettings.MAX_BEAMS) {
            throw new BadInputException(
                    "--num-beams must be from 2 to %d (1 is greedy search), not %d"
                            .formatted(BeamSettings.MAX_BEAMS, numBeams));
        }
        if (numBeams == 1 && !beamOnly.isEmpty()) {
            throw new BadInputException(
                    "--num-beams 1 is greedy search, which has no %s; use --num-beams 2 or more"
                            .formatted(beamOnly.get(0)));
        }
        return numBeams >= 2;
    }

    /** Whether {@code --num-beams 1} was given (greedy search). */
    boolean greedyOnly() {
        return numBeams != null && numBeams == 1;
    }

    /** The settings for {@code maxNewTokens} new tokens; one-line message on a bad value. */
    BeamSettings toSettings(int maxNewTokens) {
        if (lengthPenalty != null && !Double.isFinite(lengthPenalty)) {
            throw new BadInputException(
                    "--length-penalty must be a finite number, not %s".formatted(lengthPenalty));
        }
        if (numReturnSequences != null
                && (numReturnSequences < 1 || numReturnSequences > numBeams)) {
            throw new BadInputException(
                    "--num-return-sequences must be from 1 to --num-beams (%d), not %d"
                            .formatted(numBeams, numReturnSequences));
        }
        if (noRepeatNgramSize != null && noRepeatNgramSize < 0) {
            throw new BadInputException(
                    "--no-repeat-ngram-size must be 0 (off) or more, not %d"
                            .formatted(noRepeatNgramSize));
        }
        EarlyStopping es;
        try {
            es = earlyStopping == null ? EarlyStopping.FALSE : EarlyStopping.parse(earlyStopping);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(
                    "--early-stopping must be true, false or never, not '%s'"
                            .formatted(earlyStopping));
        }
        try {
            return new BeamSettings(
                    numBeams,
                    lengthPenalty == null ? 1.0 : lengthPenalty,
                    es,
                    numReturnSequences == null ? 1 : numReturnSequences,
                    noRepeatNgramSize == null ? 0 : noRepeatNgramSize,
                    maxNewTokens);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    private List<String> beamOnlyGiven() {
        List<String> given = new ArrayList<>();
        if (lengthPenalty != null) {
            given.add("--length-penalty");
        }
        if (earlyStopping != null) {
            given.add("--early-stopping");
        }
        if (numReturnSequences != null) {
            given.add("--num-return-sequences");
        }
        if (noRepeatNgramSize != null) {
            given.add("--no-repeat-ngram-size");
        }
        return given;
    }
}
