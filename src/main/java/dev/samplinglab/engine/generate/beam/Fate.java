package dev.samplinglab.engine.generate.beam;

/** What became of one of the 2·num_beams candidates of a step. */
public enum Fate {
    /** Continues as a running beam. */
    KEPT("kept"),
    /** Ranked below the running beams: dropped. */
    PRUNED("pruned"),
    /** Ended (EOS or the length limit) within the top num_beams and joined the finished list. */
    FINISHED("finished"),
    /** Ended within the top num_beams but scored below every finished hypothesis kept. */
    FINISHED_DROPPED("finished_dropped"),
    /** An EOS ranked num_beams or lower: Hugging Face skips it (it does not finish). */
    EOS_SKIPPED("eos_skipped");

    private final String label;

    Fate(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
