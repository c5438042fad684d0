package dev.samplinglab.engine.train;

import dev.samplinglab.engine.BadInputException;
import dev.samplinglab.engine.io.AtomicFiles;
import dev.samplinglab.engine.model.GptModel;
import dev.samplinglab.engine.model.ModelConfig;
import dev.samplinglab.engine.tokenizer.HfTextTokenizer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One training run from a corpus file to a model folder: split (last 10 % of the characters held
 * out), tokenizer (trained on the training split, reused from a file, or taken from the checkpoint
 * on resume), model, {@link ModelTrainer} loop with periodic validation estimates and checkpoints,
 * final strided evaluation, samples and {@link ModelCard}. The model folder is only written at the
 * end, file by file with atomic moves; a failed run removes what it created.
 */
public final class TrainingRun {
    private static final String STAGING = ".staging";

    /**
     * Where and how to run.
     *
     * @param corpus UTF-8 training text
     * @param out model folder to write
     * @param checkpointDir checkpoint folder (outside the repository for shipped models)
     * @param tokenizer an existing tokenizer.json to reuse, or null to train one
     * @param resume continue from the checkpoint in {@code checkpointDir}
     * @param stepsOverride on resume, a new total step count (null keeps the checkpoint's)
     * @param commandLine the command line, for the model card
     */
    public record Options(
            Path corpus,
            Path out,
            Path checkpointDir,
            Path tokenizer,
            boolean resume,
            Integer stepsOverride,
            String commandLine) {}

    /** What a finished run measured. */
    public record Summary(
            ModelConfig modelConfig,
            TrainConfig config,
            double trainingSeconds,
            double tokensPerSecond,
            EvalResult train,
            EvalResult val,
            List<ModelCard.Sample> samples,
            List<String> curve,
            int resumedAt) {}

    private final Options options;
    private final PrintStream log;

    public TrainingRun(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    /** Runs training; bad input is an IllegalArgumentException and leaves no model behind. */
    public Summary run(TrainConfig requested) throws IOException {
        String text = CorpusSplit.readUtf8(options.corpus());
        if (CorpusSplit.chars(text) <= requested.context()) {
            throw new BadInputException(
                    options.corpus()
                            + " has "
                            + CorpusSplit.chars(text)
                            + " characters, not more than the context of "
                            + requested.context()
                            + " tokens");
        }
        boolean createdOut = !Files.exists(options.out());
        requireWritableFolder(options.out(), "output folder");
        requireWritableFolder(options.checkpointDir().toAbsolutePath().getParent(), "checkpoint");
        Path staging = options.out().resolve(STAGING);
        try {
            AtomicFiles.deleteRecursively(staging);
            Files.createDirectories(staging);
            Summary s = train(requested, CorpusSplit.of(text), staging);
            publish(staging, options.out());
            return s;
        } catch (IOException | RuntimeException | Error e) {
            cleanUp(staging, createdOut);
            throw e;
        }
    }

    private Summary train(TrainConfig requested, CorpusSplit split, Path staging)
            throws IOException {
        Checkpoint resumed = options.resume() ? Checkpoint.read(options.checkpointDir()) : null;
        TrainConfig config = resolveConfig(requested, resumed);
        Path tokenizerJson = prepareTokenizer(config, split, staging);
        try (HfTextTokenizer tokenizer = HfTextTokenizer.load(tokenizerJson)) {
            int[] trainTokens = tokenizer.encode(split.train());
            int[] valTokens = tokenizer.encode(split.val());
            log.printf(
                    Locale.ROOT,
                    "data: %d train tokens, %d validation tokens (%.2f chars/token)%n",
                    trainTokens.length,
                    valTokens.length,
                    CorpusSplit.chars(split.train()) / (double) trainTokens.length);
            ModelConfig mc =
                    new ModelConfig(
                            config.layers(),
                            config.heads(),
                            config.dModel(),
                            config.context(),
                            tokenizer.vocabSize(),
                            1e-5,
                            tokenizer.eosId(),
                            tokenizer.eosId());
            try (GptModel model =
                    resumed == null
                            ? GptModel.random(mc, config.seed())
                            : Checkpoint.loadModel(options.checkpointDir())) {
                return loop(
                        model,
                        tokenizer,
                        tokenizerJson,
                        config,
                        resumed,
                        split,
                        trainTokens,
                        valTokens,
                        staging);
            }
        }
    }

    private Summary loop(
            GptModel model,
            HfTextTokenizer tokenizer,
            Path tokenizerJson,
            TrainConfig config,
            Checkpoint resumed,
            CorpusSplit split,
            int[] trainTokens,
            int[] valTokens,
            Path staging)
            throws IOException {
        ModelTrainer trainer = new ModelTrainer(model, config, trainTokens);
        int start = 0;
        double before = 0;
        if (resumed != null) {
            resumed.restoreOptimizer(
                    options.checkpointDir(),
                    trainer.optimizer(),
                    model.weights().parameters().size());
            start = resumed.step();
            before = resumed.elapsedSeconds();
            log.printf("resuming at step %d of %d%n", start, config.steps());
        }
        log.printf(
                Locale.ROOT,
                "model: %d layers, %d heads, width %d, context %d, vocab %d: %,d parameters%n",
                config.layers(),
                config.heads(),
                config.dModel(),
                config.context(),
                model.config().vocabSize(),
                model.config().parameterCount());
        TrainingProgress bar =
                new TrainingProgress(log, start, config.steps(), config.tokensPerStep());
        List<String> curve = new ArrayList<>(resumed == null ? List.of() : resumed.curve());
        int[] valSample = prefix(valTokens, config.evalWindows() * config.context());
        for (int step = start; step < config.steps(); step++) {
            ModelTrainer.StepResult r = trainer.step(step);
            if (!Double.isFinite(r.loss())) {
                throw new IllegalStateException(
                        "training diverged (loss " + r.loss() + ") at step " + step);
            }
            bar.update(r);
            int done = step + 1;
            if (config.evalEvery() > 0 && done % config.evalEvery() == 0) {
                EvalResult v = Perplexity.evaluate(model, valSample, 1, config.context() - 1);
                String point =
                        String.format(
                                Locale.ROOT,
                                "step %d: train loss %.4f (batch), val loss %.4f nats/token",
                                done,
                                r.loss(),
                                v.natsPerToken());
                curve.add(point);
                bar.note(point);
            }
            if (config.checkpointEvery() > 0 && done % config.checkpointEvery() == 0
                    || done == config.steps()) {
                double elapsed = before + bar.elapsedSeconds();
                new Checkpoint(done, trainer.optimizer().updates(), config, elapsed, curve)
                        .save(options.checkpointDir(), model, trainer.optimizer(), tokenizerJson);
                bar.note("checkpoint: step " + done + " -> " + options.checkpointDir());
            }
        }
        double seconds = before + bar.elapsedSeconds();
        double tokPerSec = config.steps() * config.tokensPerStep() / seconds;
        return finish(
                model,
                tokenizer,
                tokenizerJson,
                config,
                split,
                valTokens,
                staging,
                new Progress(seconds, tokPerSec, curve, resumed == null ? -1 : start));
    }

    /** Time, throughput, validation curve and resume point of the optimization loop. */
    private record Progress(
            double seconds, double tokensPerSecond, List<String> curve, int resumedAt) {}

    private Summary finish(
            GptModel model,
            HfTextTokenizer tokenizer,
            Path tokenizerJson,
            TrainConfig config,
            CorpusSplit split,
            int[] valTokens,
            Path staging,
            Progress p)
            throws IOException {
        int stride = Math.max(1, config.context() / 2);
        log.println("evaluating the validation split (strided windows, stride " + stride + ")");
        EvalResult val =
                Perplexity.evaluate(model, valTokens, CorpusSplit.chars(split.val()), stride);
        String trainSlice = trainSlice(split);
        EvalResult train =
                Perplexity.evaluate(
                        model, tokenizer.encode(trainSlice), CorpusSplit.chars(trainSlice), stride);
        List<ModelCard.Sample> samples = ModelCard.samples(model, tokenizer);
        Summary s =
                new Summary(
                        model.config(),
                        config,
                        p.seconds(),
                        p.tokensPerSecond(),
                        train,
                        val,
                        samples,
                        p.curve(),
                        p.resumedAt());
        ModelFiles.writeModel(staging, model, tokenizerJson);
        AtomicFiles.writeString(
                staging.resolve("MODEL_CARD.md"),
                ModelCard.markdown(s, options.corpus(), options.commandLine()));
        log.printf(
                Locale.ROOT,
                "done: val %.4f nats/token, %.4f bits/char; train %.4f nats/token; %.0f s%n",
                val.natsPerToken(),
                val.bitsPerChar(),
                train.natsPerToken(),
                p.seconds());
        return s;
    }

    /** The end of the training split, as long as the validation split (a train-loss probe). */
    static String trainSlice(CorpusSplit split) {
        int valChars = CorpusSplit.chars(split.val());
        int trainChars = CorpusSplit.chars(split.train());
        int from = Math.max(0, trainChars - valChars);
        return split.train().substring(split.train().offsetByCodePoints(0, from));
    }

    private TrainConfig resolveConfig(TrainConfig requested, Checkpoint resumed) {
        if (resumed == null) {
            return requested;
        }
        TrainConfig c = resumed.config();
        return options.stepsOverride() == null ? c : c.withSteps(options.stepsOverride());
    }

    private Path prepareTokenizer(TrainConfig config, CorpusSplit split, Path staging)
            throws IOException {
        Path target = staging.resolve("tokenizer.json");
        if (options.resume()) {
            AtomicFiles.copy(
                    Checkpoint.locate(options.checkpointDir()).resolve("tokenizer.json"), target);
        } else if (options.tokenizer() != null) {
            try (HfTextTokenizer t = HfTextTokenizer.load(options.tokenizer())) {
                if (t.vocabSize() != config.vocabSize()) {
                    throw new BadInputException(
                            options.tokenizer()
                                    + " has "
                                    + t.vocabSize()
                                    + " tokens but --vocab-size is "
                                    + config.vocabSize());
                }
            }
            AtomicFiles.copy(options.tokenizer(), target);
        } else {
            log.println(
                    "training a "
                            + config.vocabSize()
                            + "-token BPE tokenizer on the training split");
            BpeTrainer.train(split.train(), config.vocabSize()).writeTokenizerJson(target);
        }
        return target;
    }

    private static int[] prefix(int[] tokens, int n) {
        return java.util.Arrays.copyOf(tokens, Math.min(n, tokens.length));
    }

    private static void requireWritableFolder(Path dir, String what) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new BadInputException(
                    "cannot write the "
                            + what
                            + " "
                            + dir
                            + " ("
                            + e.getClass().getSimpleName()
                            + ")",
                    e);
        }
    }

    private static void publish(Path staging, Path out) throws IOException {
        // every file is complete in staging; each move is atomic
        for (String f :
                new String[] {
                    "config.json", "tokenizer.json", "model.safetensors", "MODEL_CARD.md"
                }) {
            AtomicFiles.move(staging.resolve(f), out.resolve(f));
        }
        AtomicFiles.deleteRecursively(staging);
    }

    private static void cleanUp(Path staging, boolean createdOut) {
        try {
            AtomicFiles.deleteRecursively(staging);
            if (createdOut) {
                try (var entries = Files.list(staging.getParent())) {
                    if (entries.findAny().isEmpty()) {
                        Files.delete(staging.getParent());
                    }
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // best effort: the original failure is what the user needs to see
        }
    }
}
