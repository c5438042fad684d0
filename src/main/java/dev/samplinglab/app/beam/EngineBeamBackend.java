package dev.samplinglab.app.beam;

import dev.samplinglab.app.common.BeamBackend;
import dev.samplinglab.engine.chat.Prompt;
import dev.samplinglab.engine.generate.LanguageModel;
import dev.samplinglab.engine.generate.beam.BeamModel;
import dev.samplinglab.engine.generate.beam.DecoderBeamModel;
import java.util.Arrays;
import java.util.stream.IntStream;

/** {@link BeamBackend} over an engine {@link LanguageModel} with a cached decoder. */
public final class EngineBeamBackend implements BeamBackend {
    private final LanguageModel lm;

    public EngineBeamBackend(LanguageModel lm) {
        this.lm = lm;
    }

    @Override
    public BeamModel model() {
        return DecoderBeamModel.of(lm, true);
    }

    @Override
    public int[] encode(Prompt prompt) {
        int[] ids = prompt.encode(lm.tokenizer());
        if (ids.length == 0) {
            return new int[] {lm.eosId()};
        }
        int budget = lm.summary().context() / 2;
        return ids.length <= budget
                ? ids
                : Arrays.copyOfRange(ids, ids.length - budget, ids.length);
    }

    @Override
    public int[] eosIds() {
        return IntStream.concat(
                        IntStream.of(lm.eosId()),
                        lm.summary().eosIds().stream().mapToInt(Integer::intValue))
                .distinct()
                .toArray();
    }

    @Override
    public int contextSize() {
        return lm.summary().context();
    }

    @Override
    public String piece(int id) {
        return lm.tokenizer().piece(id);
    }

    @Override
    public String decode(int[] ids) {
        return lm.tokenizer().decode(ids);
    }
}
