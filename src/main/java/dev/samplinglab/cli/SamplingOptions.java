package dev.samplinglab.cli;

import dev.samplinglab.engine.sampling.SamplingParameter;
import dev.samplinglab.engine.sampling.SamplingSettings;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * The sampling options shared by {@code pipeline} and {@code generate}, as a picocli mixin: one
 * option per {@link SamplingParameter}, so the options are declared once, by the engine. Every
 * option is optional: {@link #toSettings(SamplingSettings)} starts from the command's base
 * settings, applies {@code --preset} first, then each option that was given, and validates once.
 */
@Command
public final class SamplingOptions {
    private final Map<SamplingParameter, String> given = new EnumMap<>(SamplingParameter.class);

    /** Adds the options to the command this mixin is mixed into. */
    @Spec(Spec.Target.MIXEE)
    void addOptionsTo(CommandSpec command) {
        for (SamplingParameter parameter : SamplingParameter.values()) {
            command.addOption(option(parameter));
        }
    }

    private OptionSpec option(SamplingParameter parameter) {
        ISetter record =
                new ISetter() {
                    @Override
                    public <T> T set(T value) {
                        if (value != null) {
                            given.put(parameter, String.valueOf(value));
                        }
                        return null;
                    }
                };
        OptionSpec.Builder option =
                OptionSpec.builder(parameter.option())
                        .description(parameter.description())
                        .setter(record);
        if (parameter.isFlag()) {
            return option.type(Boolean.class).arity("0").build();
        }
        return option.type(String.class).paramLabel(parameter.valueLabel()).build();
    }

    /**
     * The settings these options describe on top of {@code base}.
     *
     * @throws dev.samplinglab.engine.BadInputException with a one-line message on a bad value (exit
     *     2)
     */
    public SamplingSettings toSettings(SamplingSettings base) {
        SamplingSettings.Builder builder = base.toBuilder();
        given.forEach((parameter, text) -> parameter.apply(builder, text));
        return builder.build();
    }

    /** Whether any sampling option was given (beam search takes none). */
    boolean anyGiven() {
        return !given.isEmpty();
    }
}
