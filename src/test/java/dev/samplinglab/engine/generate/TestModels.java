package dev.samplinglab.engine.generate;

import dev.samplinglab.engine.model.GptModel;
import dev.samplinglab.engine.model.ModelConfig;
import dev.samplinglab.engine.tokenizer.ByteTokenizer;

/** Small random models with a byte tokenizer, for fast tests. */
final class TestModels {
    private TestModels() {}

    static LanguageModel tiny(int context, long seed) {
        ModelConfig c = new ModelConfig(2, 2, 16, context, 260, 1e-5, 259, 259);
        return new LanguageModel(
                "test", GptModel.random(c, seed), new ByteTokenizer(c.vocabSize()));
    }
}
