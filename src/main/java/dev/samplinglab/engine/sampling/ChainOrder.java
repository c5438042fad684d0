package dev.samplinglab.engine.sampling;

import static dev.samplinglab.engine.sampling.StageKind.FREQUENCY_PRESENCE_PENALTY;
import static dev.samplinglab.engine.sampling.StageKind.MIN_P;
import static dev.samplinglab.engine.sampling.StageKind.REPETITION_PENALTY;
import static dev.samplinglab.engine.sampling.StageKind.TEMPERATURE;
import static dev.samplinglab.engine.sampling.StageKind.TOP_K;
import static dev.samplinglab.engine.sampling.StageKind.TOP_P;
import static dev.samplinglab.engine.sampling.StageKind.TYPICAL_P;

import dev.samplinglab.engine.BadInputException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The order in which engines apply the stages. The order matters: top-k before temperature keeps
 * the same k tokens whatever T is, while top-p after temperature sees a flatter or sharper
 * distribution.
 */
public enum ChainOrder {
    /**
     * Hugging Face {@code generate}: processors (penalties) then warpers in the order temperature,
     * top-k, top-p, min-p, typical
     * (https://github.com/huggingface/transformers/blob/main/src/transformers/generation/utils.py):
     * the order in which {@link StageKind} declares the stages.
     */
    HF("hf", List.of(StageKind.values())),

    /**
     * llama.cpp's default sampler chain: penalties, top-k, typical, top-p, min-p, temperature last
     * (https://github.com/ggml-org/llama.cpp/blob/master/common/sampling.cpp).
     */
    LLAMA_CPP(
            "llama.cpp",
            List.of(
                    REPETITION_PENALTY,
                    FREQUENCY_PRESENCE_PENALTY,
                    TOP_K,
                    TYPICAL_P,
                    TOP_P,
                    MIN_P,
                    TEMPERATURE)),

    /**
     * vLLM's sampler: penalties, temperature, min-p, then top-k and top-p (vLLM has no typical-p,
     * so typical-p cannot be set with this order)
     * (https://github.com/vllm-project/vllm/blob/main/vllm/v1/sample/sampler.py).
     */
    VLLM(
            "vllm",
            List.of(
                    REPETITION_PENALTY,
                    FREQUENCY_PRESENCE_PENALTY,
                    TEMPERATURE,
                    MIN_P,
                    TOP_K,
                    TOP_P));

    private final String cliName;
    private final List<StageKind> stages;

    ChainOrder(String cliName, List<StageKind> stages) {
        this.cliName = cliName;
        this.stages = stages;
    }

    public String cliName() {
        return cliName;
    }

    public List<StageKind> stages() {
        return stages;
    }

    /**
     * Parses {@code hf}, {@code llama.cpp}, {@code vllm} or a comma-separated custom order of stage
     * names ({@code top_k} or {@code top-k}; {@code penalties} stands for both penalty stages).
     */
    public static List<StageKind> parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (ChainOrder preset : values()) {
            if (preset.cliName.equals(t) || preset.name().toLowerCase(Locale.ROOT).equals(t)) {
                return preset.stages;
            }
        }
        List<StageKind> order = new ArrayList<>();
        for (String part : t.split(",")) {
            String name = part.strip().replace('-', '_');
            if (name.equals("penalties")) {
                order.add(REPETITION_PENALTY);
                order.add(FREQUENCY_PRESENCE_PENALTY);
            } else {
                order.add(stageNamed(name, text));
            }
        }
        return validate(order);
    }

    /** The preset's CLI name if {@code order} is a preset, else the stage names joined by ','. */
    public static String describe(List<StageKind> order) {
        for (ChainOrder preset : values()) {
            if (preset.stages.equals(order)) {
                return preset.cliName;
            }
        }
        List<String> names = new ArrayList<>();
        for (StageKind kind : order) {
            names.add(kind.traceName());
        }
        return String.join(",", names);
    }

    /** Refuses null entries and repeated stages; returns an immutable copy. */
    public static List<StageKind> validate(List<StageKind> order) {
        if (order == null) {
            throw new IllegalArgumentException("order must not be null");
        }
        Set<StageKind> seen = EnumSet.noneOf(StageKind.class);
        for (StageKind kind : order) {
            if (kind == null) {
                throw new IllegalArgumentException("order must not contain null stages");
            }
            if (!seen.add(kind)) {
                throw new BadInputException(
                        "order lists " + kind.traceName() + " twice; each stage at most once");
            }
        }
        return List.copyOf(order);
    }

    private static StageKind stageNamed(String name, String text) {
        for (StageKind kind : StageKind.values()) {
            if (kind.traceName().equals(name)) {
                return kind;
            }
        }
        throw new BadInputException(
                "order must be hf, llama.cpp, vllm or a list of "
                        + "repetition_penalty,frequency_presence_penalty,temperature,top_k,top_p,"
                        + "min_p,typical_p (got '"
                        + text
                        + "')");
    }
}
