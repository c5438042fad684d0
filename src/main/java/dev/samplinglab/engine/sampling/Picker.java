package dev.samplinglab.engine.sampling;

/** Picks the next token from the final distribution, given the step's coin u in [0, 1). */
public interface Picker {

    /** Name used in traces: "greedy" or "categorical". */
    String name();

    int pick(Distribution finalDist, double coin);
}
