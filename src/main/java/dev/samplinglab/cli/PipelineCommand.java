package dev.samplinglab.cli;

import dev.samplinglab.engine.sampling.Coins;
import dev.samplinglab.engine.sampling.SamplingPipeline;
import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.sampling.StepTrace;
import dev.samplinglab.engine.sampling.TraceJson;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The model-free playground: runs the sampling pipeline on a small logits or probability vector and
 * prints every stage, as a table or as one JSON object. Every stage is off unless its option is
 * given (temperature defaults to 1).
 */
@Command(
        name = "pipeline",
        mixinStandardHelpOptions = true,
        description = "Apply the sampling pipeline to a vector and show every stage (no model).")
public final class PipelineCommand implements Callable<Integer> {

    @ArgGroup(multiplicity = "1")
    Input input;

    static final class Input {
        @Option(
                names = "--logits",
                paramLabel = "L0,L1,..",
                description = "Comma-separated logits (-inf allowed).")
        String logits;

        @Option(
                names = "--probs",
                paramLabel = "P0,P1,..",
                description = "Comma-separated probabilities, taken as the softmax of their logs.")
        String probs;
    }

    @Option(
            names = "--context-ids",
            paramLabel = "ID,ID,..",
            description = "Token ids seen so far (what the penalties see).")
    String contextIds;

    @Option(
            names = "--coin",
            paramLabel = "U",
            description = "The uniform number in [0, 1) the picker uses (default: from --seed).")
    Double coin;

    @Option(names = "--seed", defaultValue = "0", description = "Seed for the coin (default 0).")
    long seed;

    @Option(
            names = "--labels",
            paramLabel = "A,B,..",
            description = "Display labels for the ids (default: the ids).")
    String labels;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    @Mixin SamplingOptions sampling;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        double[] logits =
                input.logits != null
                        ? VectorArgs.logits(input.logits)
                        : VectorArgs.logitsOfProbs(input.probs);
        int[] context = contextIds == null ? new int[0] : VectorArgs.ids(contextIds);
        String[] names = labels == null ? null : VectorArgs.labels(labels, logits.length);
        double u = coin != null ? Coins.validate(coin) : Coins.commonRandomNumbers(seed).coin(0);
        SamplingSettings settings = sampling.toSettings(SamplingSettings.neutral());
        StepTrace trace =
                SamplingPipeline.of(settings)
                        .run(
                                logits,
                                context,
                                u,
                                id -> names == null ? String.valueOf(id) : names[id],
                                logits.length);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(TraceJson.compact(TraceJson.pipelineSummary(trace)));
        } else {
            new PipelineTable(out).print(settings, trace);
        }
        out.flush();
        return 0;
    }
}
