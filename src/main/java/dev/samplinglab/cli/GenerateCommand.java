package dev.samplinglab.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.samplinglab.engine.BadInputException;
import dev.samplinglab.engine.chat.Prompt;
import dev.samplinglab.engine.generate.BatchGenerator;
import dev.samplinglab.engine.generate.GenerationOptions;
import dev.samplinglab.engine.generate.GenerationResult;
import dev.samplinglab.engine.generate.LanguageModel;
import dev.samplinglab.engine.generate.ModelSpec;
import dev.samplinglab.engine.generate.RowSampler;
import dev.samplinglab.engine.generate.StopReason;
import dev.samplinglab.engine.generate.beam.BeamSettings;
import dev.samplinglab.engine.sampling.Coins;
import dev.samplinglab.engine.sampling.SamplingPipeline;
import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.sampling.StepTrace;
import dev.samplinglab.engine.sampling.TraceJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Generates text for one prompt or a batch of prompts with any sampling strategy. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Generate text (one prompt, or --prompts-file as one batch).")
public final class GenerateCommand implements Callable<Integer> {

    @Option(
            names = "--model",
            description =
                    "bundled[:NAME], random:NAME or a model folder (default: the bundled model)")
    String model;

    @Option(names = "--prompt", description = "The prompt.")
    String prompt;

    @Option(
            names = "--prompts-file",
            description = "A file with one prompt per line, run as one batch.")
    Path promptsFile;

    @Option(
            names = "--max-new-tokens",
            defaultValue = "50",
            description = "Tokens to generate per prompt (default ${DEFAULT-VALUE}).")
    int maxNewTokens;

    @Option(
            names = "--seed",
            defaultValue = "0",
            description = "Seed of the coins (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-cache", description = "Recompute the whole prefix at every step.")
    boolean noCache;

    @Option(
            names = "--stop",
            description = "Stop a row when its text contains this string (repeatable).")
    List<String> stops = new ArrayList<>();

    @Option(
            names = "--json",
            description = "Print {\"texts\", \"tokens\", \"stop_reasons\"} as JSON.")
    boolean json;

    @Option(
            names = "--trace",
            description = "Write one JSON object per row and step (all stages) to this JSONL file.")
    Path trace;

    @Option(
            names = "--chat",
            description =
                    "Send each prompt as the user message through the model's own chat template"
                            + " (tokenizer_config.json), with the assistant's generation prompt.")
    boolean chat;

    @Option(names = "--system", description = "The system message for --chat.")
    String system;

    @Mixin SamplingOptions sampling;

    @Mixin BeamOptions beams;

    @Override
    public Integer call() throws IOException {
        if (system != null && !chat) {
            throw new BadInputException("--system needs --chat");
        }
        if (beams.beamSearch()) {
            if (chat) {
                throw new BadInputException("--chat does not apply to beam search yet; drop one");
            }
            return beamSearch();
        }
        List<Prompt> prompts =
                prompts().stream()
                        .map(t -> chat ? Prompt.chat(system, t) : Prompt.plain(t))
                        .toList();
        GenerationOptions options = new GenerationOptions(maxNewTokens, stops, !noCache);
        SamplingSettings settings = sampling.toSettings(SamplingSettings.neutral());
        if (beams.greedyOnly()) {
            settings = settings.toBuilder().greedy(true).build();
        }
        try (LanguageModel lm = ModelSpec.parse(model).open();
                TraceSink sink = new TraceSink(trace)) {
            SamplingPipeline pipeline = pipelineFor(lm, settings);
            Coins coins = Coins.commonRandomNumbers(seed);
            RowSampler sampler =
                    (row, step, logits, context) -> {
                        double coin = coins.coin(step);
                        if (!sink.active()) {
                            return pipeline.pick(logits, context, coin);
                        }
                        StepTrace t =
                                pipeline.run(logits, context, coin, lm.tokenizer()::piece, 20);
                        sink.write(row, step, t);
                        return t.chosenId();
                    };
            GenerationResult result =
                    new BatchGenerator(lm, options)
                            .generatePrompts(prompts, sampler, (step, tokens) -> {}, () -> false);
            warnDropped(result);
            print(prompts.stream().map(p -> p.text(lm.tokenizer())).toList(), result);
        }
        return 0;
    }

    /** The pipeline, over the top-N log-probabilities when the model is on a server. */
    private static SamplingPipeline pipelineFor(LanguageModel lm, SamplingSettings settings) {
        SamplingPipeline pipeline = SamplingPipeline.of(settings);
        if (!lm.model().returnsTopLogProbs()) {
            return pipeline;
        }
        lm.model().contextCaveat().ifPresent(c -> System.err.println("note: " + c));
        return pipeline.overTopLogProbs(lm.model().contextCaveat());
    }

    private int beamSearch() throws IOException {
        if (prompt == null || promptsFile != null) {
            throw new BadInputException("beam search takes one --prompt TEXT, not --prompts-file");
        }
        if (!stops.isEmpty()) {
            throw new BadInputException("--stop does not apply to beam search; drop it");
        }
        if (sampling.anyGiven()) {
            throw new BadInputException(
                    "sampling options do not apply to beam search (it ranks, it does not draw);"
                            + " drop them or --num-beams");
        }
        BeamSettings settings = beams.toSettings(maxNewTokens);
        try (LanguageModel lm = ModelSpec.parse(model).open()) {
            new BeamGenerate(lm, settings, !noCache).run(prompt, trace, json);
        }
        return 0;
    }

    private List<String> prompts() throws IOException {
        if ((prompt == null) == (promptsFile == null)) {
            throw new BadInputException("give exactly one of --prompt TEXT or --prompts-file FILE");
        }
        if (prompt != null) {
            return List.of(prompt);
        }
        if (!Files.isReadable(promptsFile)) {
            throw new BadInputException("cannot read --prompts-file " + promptsFile);
        }
        List<String> lines =
                Files.readAllLines(promptsFile, StandardCharsets.UTF_8).stream()
                        .filter(l -> !l.isBlank())
                        .toList();
        if (lines.isEmpty()) {
            throw new BadInputException("--prompts-file " + promptsFile + " has no non-empty line");
        }
        return lines;
    }

    private static void warnDropped(GenerationResult result) {
        for (int r = 0; r < result.droppedPromptTokens().size(); r++) {
            int dropped = result.droppedPromptTokens().get(r);
            if (dropped > 0) {
                System.err.println(
                        "note: prompt "
                                + (r + 1)
                                + " is longer than the context; its first "
                                + dropped
                                + " tokens were dropped and the rest kept");
            }
        }
    }

    private void print(List<String> prompts, GenerationResult result) {
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("texts", result.texts());
            out.put("tokens", result.tokens());
            out.put("stop_reasons", result.stopReasons().stream().map(StopReason::label).toList());
            out.put("dropped_prompt_tokens", result.droppedPromptTokens());
            System.out.println(new GsonBuilder().disableHtmlEscaping().create().toJson(out));
            return;
        }
        for (int r = 0; r < prompts.size(); r++) {
            if (prompts.size() > 1) {
                System.out.println(
                        "--- " + (r + 1) + " (" + result.stopReasons().get(r).label() + ")");
            }
            System.out.println(prompts.get(r) + result.texts().get(r));
        }
    }

    /** Writes traces as JSON lines, or nothing when no file was given. */
    private static final class TraceSink implements AutoCloseable {
        private final BufferedWriter out;

        TraceSink(Path file) {
            try {
                this.out =
                        file == null ? null : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new BadInputException("cannot write --trace " + file + ": " + e.getMessage());
            }
        }

        boolean active() {
            return out != null;
        }

        void write(int row, int step, StepTrace t) {
            try {
                JsonObject line = new JsonObject();
                line.addProperty("row", row);
                line.addProperty("step", step);
                line.add("trace", TraceJson.toJson(t));
                out.write(TraceJson.compact(line));
                out.newLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            if (out != null) {
                out.close();
            }
        }
    }
}
