package dev.samplinglab.engine.train;

/**
 * One learned BPE merge: adjacent tokens {@code left} and {@code right} become {@code result}. A
 * merge's rank is its index in {@link BpeModel#merges()} (lower ranks are applied first).
 */
public record Merge(int left, int right, int result) {}
