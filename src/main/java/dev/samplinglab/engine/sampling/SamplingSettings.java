package dev.samplinglab.engine.sampling;

import dev.samplinglab.engine.BadInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * A complete, validated sampling strategy: the one declaration of the sampling parameters, which
 * the CLI options, the app's strategy editor, the compare columns and the settings file map to.
 * Immutable; build it with {@link #builder()} or a {@link Preset}, change it with {@link
 * #toBuilder()}; the constructor is the one range check, with one-line messages. "Off" values: k =
 * 0, p = 1, min-p = 0, typical-p = 1, repetition penalty 1, frequency and presence penalties 0, T =
 * 1 (neutral).
 *
 * <p>Greedy decoding ignores temperature and the filters (as Hugging Face does with {@code
 * do_sample=False}) but still applies the penalties; their values are kept so that switching greedy
 * off restores them. Every stage that is set must appear in {@code order}.
 *
 * @param penaltyWindow how many of the last context tokens the penalties look at; 0 = all
 */
public record SamplingSettings(
        boolean greedy,
        double temperature,
        int topK,
        double topP,
        TopPRule topPRule,
        double minP,
        double typicalP,
        double repetitionPenalty,
        double frequencyPenalty,
        double presencePenalty,
        int penaltyWindow,
        List<StageKind> order) {

    private static final SamplingSettings NEUTRAL =
            new SamplingSettings(
                    false,
                    Temperature.OFF,
                    TopK.OFF,
                    TopP.OFF,
                    TopPRule.INCLUSIVE,
                    MinP.OFF,
                    TypicalP.OFF,
                    RepetitionPenalty.OFF,
                    0,
                    0,
                    0,
                    ChainOrder.HF.stages());

    public SamplingSettings {
        Temperature.validate(temperature);
        TopK.validate(topK);
        TopP.validate(topP);
        if (topPRule == null) {
            throw new BadInputException("top-p rule must be inclusive or cumsum-le-p");
        }
        MinP.validate(minP);
        TypicalP.validate(typicalP);
        RepetitionPenalty.validate(repetitionPenalty);
        FrequencyPresencePenalty.validate("frequency penalty", frequencyPenalty);
        FrequencyPresencePenalty.validate("presence penalty", presencePenalty);
        RepetitionPenalty.validateWindow(penaltyWindow);
        order = ChainOrder.validate(order);
        for (StageKind kind : StageKind.values()) {
            if (isSet(
                            kind,
                            temperature,
                            topK,
                            topP,
                            minP,
                            typicalP,
                            repetitionPenalty,
                            frequencyPenalty,
                            presencePenalty)
                    && !order.contains(kind)) {
                throw new BadInputException(
                        kind.traceName()
                                + " is set but not in the chain order "
                                + ChainOrder.describe(order)
                                + "; add it to the order or turn it off");
            }
        }
    }

    /** T = 1, every stage off, sampling (not greedy), HF order, inclusive top-p rule. */
    public static SamplingSettings neutral() {
        return NEUTRAL;
    }

    /** Pure greedy decoding (argmax), penalties off. */
    public static SamplingSettings greedyDecoding() {
        return Preset.GREEDY.settings();
    }

    /** Builds settings from {@link #neutral()}: the one way to make settings. */
    public static Builder builder() {
        return NEUTRAL.toBuilder();
    }

    /** Changes settings: {@code s.toBuilder().topP(0.9).build()}; build() validates once. */
    public Builder toBuilder() {
        return new Builder().copy(this);
    }

    /** Whether {@code kind} has a non-neutral value (regardless of greedy). */
    public boolean isSet(StageKind kind) {
        return isSet(
                kind,
                temperature,
                topK,
                topP,
                minP,
                typicalP,
                repetitionPenalty,
                frequencyPenalty,
                presencePenalty);
    }

    /** Stages the pipeline runs, in chain order: set stages; only penalties when greedy. */
    public List<StageKind> activeStages() {
        List<StageKind> active = new ArrayList<>();
        for (StageKind kind : order) {
            boolean penalty =
                    kind == StageKind.REPETITION_PENALTY
                            || kind == StageKind.FREQUENCY_PRESENCE_PENALTY;
            if (isSet(kind) && (penalty || !greedy)) {
                active.add(kind);
            }
        }
        return List.copyOf(active);
    }

    /** A short human-readable summary, e.g. "T=0.9 top-k=45 top-p=0.9 (inclusive) order=hf". */
    public String describe() {
        StringBuilder sb = new StringBuilder(greedy ? "greedy" : "T=" + temperature);
        if (!greedy) {
            appendIf(sb, topK != TopK.OFF, "top-k=" + topK);
            appendIf(sb, topP != TopP.OFF, "top-p=" + topP + " (" + topPRule.cliName() + ")");
            appendIf(sb, minP != MinP.OFF, "min-p=" + minP);
            appendIf(sb, typicalP != TypicalP.OFF, "typical-p=" + typicalP);
        }
        appendIf(sb, repetitionPenalty != RepetitionPenalty.OFF, "rep=" + repetitionPenalty);
        appendIf(sb, frequencyPenalty != 0, "freq=" + frequencyPenalty);
        appendIf(sb, presencePenalty != 0, "presence=" + presencePenalty);
        appendIf(sb, penaltyWindow != 0, "window=" + penaltyWindow);
        sb.append(" order=").append(ChainOrder.describe(order));
        return sb.toString();
    }

    private static void appendIf(StringBuilder sb, boolean condition, String text) {
        if (condition) {
            sb.append(' ').append(text);
        }
    }

    private static boolean isSet(
            StageKind kind,
            double temperature,
            int topK,
            double topP,
            double minP,
            double typicalP,
            double repetitionPenalty,
            double frequencyPenalty,
            double presencePenalty) {
        return switch (kind) {
            case TEMPERATURE -> temperature != Temperature.OFF;
            case TOP_K -> topK != TopK.OFF;
            case TOP_P -> topP != TopP.OFF;
            case MIN_P -> minP != MinP.OFF;
            case TYPICAL_P -> typicalP != TypicalP.OFF;
            case REPETITION_PENALTY -> repetitionPenalty != RepetitionPenalty.OFF;
            case FREQUENCY_PRESENCE_PENALTY -> frequencyPenalty != 0 || presencePenalty != 0;
        };
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private boolean greedy;
        private double temperature;
        private int topK;
        private double topP;
        private TopPRule topPRule;
        private double minP;
        private double typicalP;
        private double repetitionPenalty;
        private double frequencyPenalty;
        private double presencePenalty;
        private int penaltyWindow;
        private List<StageKind> order;

        private Builder() {}

        private Builder copy(SamplingSettings s) {
            greedy = s.greedy;
            temperature = s.temperature;
            topK = s.topK;
            topP = s.topP;
            topPRule = s.topPRule;
            minP = s.minP;
            typicalP = s.typicalP;
            repetitionPenalty = s.repetitionPenalty;
            frequencyPenalty = s.frequencyPenalty;
            presencePenalty = s.presencePenalty;
            penaltyWindow = s.penaltyWindow;
            order = s.order;
            return this;
        }

        public Builder greedy(boolean value) {
            greedy = value;
            return this;
        }

        public Builder temperature(double value) {
            temperature = value;
            return this;
        }

        public Builder topK(int value) {
            topK = value;
            return this;
        }

        public Builder topP(double value) {
            topP = value;
            return this;
        }

        public Builder topPRule(TopPRule value) {
            topPRule = value;
            return this;
        }

        public Builder minP(double value) {
            minP = value;
            return this;
        }

        public Builder typicalP(double value) {
            typicalP = value;
            return this;
        }

        public Builder repetitionPenalty(double value) {
            repetitionPenalty = value;
            return this;
        }

        public Builder frequencyPenalty(double value) {
            frequencyPenalty = value;
            return this;
        }

        public Builder presencePenalty(double value) {
            presencePenalty = value;
            return this;
        }

        public Builder penaltyWindow(int value) {
            penaltyWindow = value;
            return this;
        }

        public Builder order(List<StageKind> value) {
            order = value;
            return this;
        }

        public Builder order(ChainOrder value) {
            order = value.stages();
            return this;
        }

        /** Every field from the preset: a preset is a whole strategy. */
        public Builder preset(Preset preset) {
            return copy(preset.settings());
        }

        public SamplingSettings build() {
            return new SamplingSettings(
                    greedy,
                    temperature,
                    topK,
                    topP,
                    topPRule,
                    minP,
                    typicalP,
                    repetitionPenalty,
                    frequencyPenalty,
                    presencePenalty,
                    penaltyWindow,
                    order);
        }
    }
}
