package dev.samplinglab.app.io;

import dev.samplinglab.engine.sampling.SamplingSettings;

/**
 * What the app remembers between runs.
 *
 * @param model spec of the last model ("bundled", "random:tiny" or a folder)
 * @param prompt last prompt
 * @param seed last seed
 * @param strategy last strategy form
 * @param topN display tokens in the charts
 * @param speed run speed in steps per second
 * @param width window width
 * @param height window height
 */
public record AppSettings(
        String model,
        String prompt,
        long seed,
        SamplingSettings strategy,
        int topN,
        double speed,
        double width,
        double height) {

    public AppSettings withModel(String value) {
        return new AppSettings(value, prompt, seed, strategy, topN, speed, width, height);
    }
}
