package dev.samplinglab.engine.train;

import dev.samplinglab.engine.model.GptModel;
import dev.samplinglab.engine.sampling.Preset;
import dev.samplinglab.engine.tokenizer.TextTokenizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The MODEL_CARD.md of a trained model (after Mitchell et al. 2019, "Model Cards for Model
 * Reporting", <a href="https://arxiv.org/abs/1810.03993">arXiv:1810.03993</a>): data, command,
 * hyperparameters, size, time, losses and sample continuations.
 */
public final class ModelCard {
    /** The prompt of the sample continuations. */
    public static final String PROMPT = "ROMEO:";

    private ModelCard() {}

    /** One continuation of {@link #PROMPT}. */
    public record Sample(TextSampler.Settings settings, String text) {}

    /** Greedy, "faithful" and "general" preset continuations of {@link #PROMPT}. */
    public static List<Sample> samples(GptModel model, TextTokenizer tokenizer) {
        List<TextSampler.Settings> settings =
                List.of(
                        TextSampler.Settings.greedy(80),
                        TextSampler.Settings.preset(Preset.FAITHFUL, 1, 80),
                        TextSampler.Settings.preset(Preset.GENERAL, 2, 80));
        return settings.stream()
                .map(s -> new Sample(s, TextSampler.continueText(model, tokenizer, PROMPT, s)))
                .toList();
    }

    static String markdown(TrainingRun.Summary s, Path corpus, String commandLine) {
        TrainConfig c = s.config();
        StringBuilder md = new StringBuilder();
        md.append("# tiny GPT-2 trained by Sampling Lab\n\n");
        md.append(
                        "A GPT-2-architecture decoder (Radford et al. 2019) trained from scratch on CPU with")
                .append(" DJL autograd by `sampling-lab train`.\n\n");
        md.append("## Data\n\n");
        md.append("- Corpus: `").append(corpus.getFileName()).append("`");
        md.append(" (the last 10 % of its characters held out for validation; never trained on)\n");
        md.append("- Tokenizer: byte-level BPE (GPT-2 style), ")
                .append(s.modelConfig().vocabSize())
                .append(" tokens including `<|endoftext|>`\n\n");
        md.append("## Command\n\n```\n").append(commandLine).append("\n```\n\n");
        if (s.resumedAt() == c.steps()) {
            md.append("This invocation resumed from the final checkpoint (step ")
                    .append(c.steps())
                    .append(" of ")
                    .append(c.steps())
                    .append("): training was already complete in one run; it only evaluated the")
                    .append(" model and wrote these files.\n\n");
        } else if (s.resumedAt() >= 0) {
            md.append("This invocation resumed from the checkpoint at step ")
                    .append(s.resumedAt())
                    .append(" with the checkpoint's hyperparameters.\n\n");
        }
        md.append("## Model and hyperparameters\n\n");
        md.append(
                String.format(
                        Locale.ROOT,
                        "- %d layers, %d heads, width %d, context %d, vocab %d, tied LM head: **%,d parameters**%n",
                        c.layers(),
                        c.heads(),
                        c.dModel(),
                        c.context(),
                        s.modelConfig().vocabSize(),
                        s.modelConfig().parameterCount()));
        md.append(
                String.format(
                        Locale.ROOT,
                        "- %d steps x batch %d x context %d = %,d training tokens%n",
                        c.steps(),
                        c.batchSize(),
                        c.context(),
                        c.steps() * c.tokensPerStep()));
        md.append(
                String.format(
                        Locale.ROOT,
                        "- AdamW: lr %.2e peak, linear warmup %d steps, cosine decay to %.2e; betas (%.2f, %.3f);"
                                + " weight decay %.2f on weight matrices only (not biases, layer-norm gains,"
                                + " embeddings)%n",
                        c.lr(),
                        c.warmupSteps(),
                        c.minLr(),
                        c.beta1(),
                        c.beta2(),
                        c.weightDecay()));
        md.append(
                String.format(
                        Locale.ROOT,
                        "- dropout %.2f, gradient-norm clip %.2f, seed %d (weights, batch order and dropout)%n%n",
                        c.dropout(),
                        c.gradClip(),
                        c.seed()));
        md.append("## Results\n\n");
        md.append(
                String.format(
                        Locale.ROOT,
                        "- Training time: %.1f min (%.0f tokens/s)%n",
                        s.trainingSeconds() / 60,
                        s.tokensPerSecond()));
        md.append(
                String.format(
                        Locale.ROOT,
                        "- Validation (last 10 %%, %,d tokens, %,d chars): **%.4f nats/token, %.4f bits/char**%n",
                        s.val().tokens(),
                        s.val().chars(),
                        s.val().natsPerToken(),
                        s.val().bitsPerChar()));
        md.append(
                String.format(
                        Locale.ROOT,
                        "- Train (the last %,d chars of the training split, same method): %.4f nats/token,"
                                + " %.4f bits/char%n",
                        s.train().chars(),
                        s.train().natsPerToken(),
                        s.train().bitsPerChar()));
        md.append("- Method: strided windows of ")
                .append(c.context())
                .append(" tokens, stride ")
                .append(Math.max(1, c.context() / 2))
                .append(" (every token scored once with at least ")
                .append(c.context() - Math.max(1, c.context() / 2))
                .append(" tokens of left context after the first window; the first token costs")
                .append(" ln(vocab)). bits/char = total nats / chars / ln 2.\n");
        md.append("- Reproduce: `sampling-lab eval --model DIR --text ")
                .append(corpus.getFileName())
                .append(" --split val --json`\n\n");
        if (!s.curve().isEmpty()) {
            md.append("Validation estimates during training (first ")
                    .append(c.evalWindows())
                    .append(" x ")
                    .append(c.context())
                    .append(" validation tokens, non-overlapping windows):\n\n```\n");
            s.curve().forEach(p -> md.append(p).append('\n'));
            md.append("```\n\n");
        }
        md.append("## Samples\n\nPrompt `")
                .append(PROMPT)
                .append("`, written with the app's DecodeSession and SamplingPipeline.\n\n");
        for (Sample sample : s.samples()) {
            md.append("### ")
                    .append(sample.settings().describe())
                    .append("\n\nReproduce: `sampling-lab generate --model DIR --prompt \"")
                    .append(PROMPT)
                    .append("\" ")
                    .append(sample.settings().cliOptions())
                    .append("`\n\n```\n")
                    .append(PROMPT)
                    .append(sample.text())
                    .append("\n```\n\n");
        }
        md.append("## Limits\n\nA few million parameters trained for minutes on one small corpus:")
                .append(" it imitates the look of Shakespeare's plays (names, verse lines, archaic")
                .append(" words) but not their sense. For demonstrating sampling only.\n");
        return md.toString();
    }
}
