package dev.samplinglab.engine.generate.beam;

import dev.samplinglab.engine.LowerCaseNamed;

/** What became of one of the 2·num_beams candidates of a step. */
public enum Fate implements LowerCaseNamed {
    /** Continues as a running beam. */
    KEPT,
    /** Ranked below the running beams: dropped. */
    PRUNED,
    /** Ended (EOS or the length limit) within the top num_beams and joined the finished list. */
    FINISHED,
    /** Ended within the top num_beams but scored below every finished hypothesis kept. */
    FINISHED_DROPPED,
    /** An EOS ranked num_beams or lower: Hugging Face skips it (it does not finish). */
    EOS_SKIPPED;
}
