package dev.samplinglab.app.common;

import dev.samplinglab.engine.generate.LanguageModel;
import dev.samplinglab.engine.model.GptModel;
import dev.samplinglab.engine.model.ModelConfig;
import dev.samplinglab.engine.tokenizer.ByteTokenizer;

/** Small random models with a byte tokenizer for the lab tabs' tests ("test:SEED" specs). */
public final class LabTestModels {
    private LabTestModels() {}

    /** 2 layers, width 16, vocab 260, context 96. */
    public static LanguageModel tiny(long seed) {
        ModelConfig c = new ModelConfig(2, 2, 16, 96, 260, 1e-5, 259, 259);
        GptModel model = GptModel.random(c, seed);
        // random weights give nearly flat distributions; a larger final gain makes them peaked
        // like a trained model's, so strategies agree for a while before they diverge
        model.weights().lnFinalGain.muli(SHARPNESS);
        return new LanguageModel("test-" + seed, model, new ByteTokenizer(c.vocabSize()));
    }

    private static final float SHARPNESS = 30;

    /** Opens "test:SEED" as {@link #tiny} and "random:tiny"; anything else fails. */
    public static LabModels opener() {
        return spec -> {
            if (spec.equals("random:tiny")) {
                return LanguageModel.open(spec);
            }
            if (!spec.startsWith("test:")) {
                throw new IllegalArgumentException(spec + " is not a folder");
            }
            return tiny(Long.parseLong(spec.substring(5)));
        };
    }
}
