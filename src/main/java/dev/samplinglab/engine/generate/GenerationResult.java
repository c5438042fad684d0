package dev.samplinglab.engine.generate;

import java.util.List;

/**
 * The outcome of a batched run, one entry per prompt.
 *
 * @param texts generated continuation text per row (stop strings cut off)
 * @param tokens generated ids per row (EOS excluded)
 * @param stopReasons why each row stopped
 * @param droppedPromptTokens per row, prompt tokens dropped from the front to fit the context
 */
public record GenerationResult(
        List<String> texts,
        List<int[]> tokens,
        List<StopReason> stopReasons,
        List<Integer> droppedPromptTokens) {}
