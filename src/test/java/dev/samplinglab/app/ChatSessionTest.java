package dev.samplinglab.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.engine.chat.Prompt;
import dev.samplinglab.engine.generate.DecodeSession;
import dev.samplinglab.engine.generate.LanguageModel;
import dev.samplinglab.engine.model.GptModel;
import dev.samplinglab.engine.model.ModelConfig;
import dev.samplinglab.engine.sampling.Coins;
import dev.samplinglab.engine.tokenizer.SyntheticTokenizers;
import dev.samplinglab.engine.tokenizer.SyntheticTokenizers.Kind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The step window's session in chat mode: the template's markers are the special chips. */
class ChatSessionTest {
    private static final int VOCAB = 600;

    @Test
    void chatPromptPiecesMarkTheTemplateSpecialTokens() {
        ModelConfig c = new ModelConfig(2, 2, 32, 128, VOCAB, 1e-5, VOCAB - 1, VOCAB - 1);
        try (LanguageModel lm =
                        new LanguageModel(
                                "chat-test",
                                GptModel.random(c, 0),
                                SyntheticTokenizers.create(Kind.BYTE_LEVEL_CHATML, VOCAB));
                EngineModels.Session s =
                        new EngineModels.Session(
                                lm,
                                new DecodeSession(
                                        lm, Prompt.chat("S", "U"), Coins.commonRandomNumbers(0)))) {
            // <|im_start|>system\nS<|im_end|>\n<|im_start|>user\nU<|im_end|>\n<|im_start|>assistant\n
            List<String> pieces = s.promptPieces();
            Set<Integer> special = s.specialPromptPositions();
            assertThat(pieces.get(0)).isEqualTo("<|im_start|>");
            assertThat(special).hasSize(5).contains(0);
            assertThat(special.stream().map(pieces::get).distinct())
                    .containsExactlyInAnyOrder("<|im_start|>", "<|im_end|>");
            assertThat(pieces.get(pieces.size() - 1)).isEqualTo("↵");
        }
    }
}
