package dev.samplinglab.cli;

import dev.samplinglab.engine.train.TrainConfig;
import dev.samplinglab.engine.train.TrainingRun;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train}: BPE tokenizer + GPT-2 decoder from a UTF-8 corpus into a model folder. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Train a byte-level BPE tokenizer and a small GPT-2 model on a text file.")
public final class TrainCommand implements Callable<Integer> {
    private static final TrainConfig D = TrainConfig.defaults();

    @Spec CommandSpec spec;

    @Option(names = "--corpus", required = true, description = "UTF-8 training text")
    Path corpus;

    @Option(names = "--out", required = true, description = "model folder to write")
    Path out;

    @Option(
            names = "--tokenizer",
            description = "reuse this tokenizer.json instead of training one")
    Path tokenizer;

    @Option(names = "--checkpoint-dir", description = "checkpoint folder (default: OUT/checkpoint)")
    Path checkpointDir;

    @Option(names = "--resume", description = "continue from the checkpoint's step")
    boolean resume;

    @Option(names = "--vocab-size", description = "BPE vocabulary (default ${DEFAULT-VALUE})")
    int vocabSize = D.vocabSize();

    @Option(names = "--layers", description = "transformer blocks (default ${DEFAULT-VALUE})")
    int layers = D.layers();

    @Option(names = "--heads", description = "attention heads (default ${DEFAULT-VALUE})")
    int heads = D.heads();

    @Option(names = "--d-model", description = "model width (default ${DEFAULT-VALUE})")
    int dModel = D.dModel();

    @Option(names = "--context", description = "context length (default ${DEFAULT-VALUE})")
    int context = D.context();

    @Option(names = "--batch-size", description = "windows per step (default ${DEFAULT-VALUE})")
    int batchSize = D.batchSize();

    @Option(names = "--steps", description = "optimizer steps (default " + 2000 + ")")
    Integer steps;

    @Option(names = "--lr", description = "peak learning rate (default ${DEFAULT-VALUE})")
    double lr = D.lr();

    @Option(names = "--min-lr", description = "final learning rate (default lr/10)")
    Double minLr;

    @Option(names = "--warmup", description = "warmup steps (default min(100, steps/10))")
    Integer warmup;

    @Option(names = "--weight-decay", description = "AdamW decay (default ${DEFAULT-VALUE})")
    double weightDecay = D.weightDecay();

    @Option(names = "--grad-clip", description = "max gradient norm (default ${DEFAULT-VALUE})")
    double gradClip = D.gradClip();

    @Option(names = "--dropout", description = "dropout rate (default ${DEFAULT-VALUE})")
    double dropout = D.dropout();

    @Option(names = "--seed", description = "random seed (default ${DEFAULT-VALUE})")
    long seed = D.seed();

    @Option(
            names = "--eval-every",
            description = "steps between val estimates (default ${DEFAULT-VALUE})")
    int evalEvery = D.evalEvery();

    @Option(
            names = "--checkpoint-every",
            description = "steps between checkpoints (default ${DEFAULT-VALUE})")
    int checkpointEvery = D.checkpointEvery();

    @Override
    public Integer call() throws Exception {
        int totalSteps = steps == null ? D.steps() : steps;
        TrainConfig config =
                new TrainConfig(
                        vocabSize,
                        layers,
                        heads,
                        dModel,
                        context,
                        batchSize,
                        totalSteps,
                        lr,
                        minLr == null ? lr / 10 : minLr,
                        warmup == null ? Math.min(100, totalSteps / 10) : warmup,
                        weightDecay,
                        D.beta1(),
                        D.beta2(),
                        gradClip,
                        dropout,
                        seed,
                        evalEvery,
                        D.evalWindows(),
                        checkpointEvery);
        Path ckpt = checkpointDir != null ? checkpointDir : out.resolve("checkpoint");
        String commandLine =
                "sampling-lab "
                        + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        TrainingRun.Options options =
                new TrainingRun.Options(corpus, out, ckpt, tokenizer, resume, steps, commandLine);
        new TrainingRun(options, System.err).run(config);
        System.out.println(out.resolve("MODEL_CARD.md"));
        return 0;
    }
}
