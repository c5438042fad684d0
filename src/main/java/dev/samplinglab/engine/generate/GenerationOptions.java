package dev.samplinglab.engine.generate;

import dev.samplinglab.engine.BadInputException;
import java.util.List;

/**
 * Settings of a batched generation run.
 *
 * @param maxNewTokens tokens to generate per row at most (>= 1)
 * @param stopStrings a row stops when its generated text contains one of these (cut before it)
 * @param useCache false recomputes the whole prefix at every step (for comparison)
 */
public record GenerationOptions(int maxNewTokens, List<String> stopStrings, boolean useCache) {
    public GenerationOptions {
        if (maxNewTokens < 1) {
            throw new BadInputException("max-new-tokens must be >= 1 (got " + maxNewTokens + ")");
        }
        stopStrings = List.copyOf(stopStrings);
        if (stopStrings.stream().anyMatch(String::isEmpty)) {
            throw new BadInputException("a stop string must not be empty");
        }
    }
}
