package dev.samplinglab.cli;

import dev.samplinglab.engine.BadInputException;
import dev.samplinglab.engine.generate.LanguageModel;
import dev.samplinglab.engine.generate.ModelSpec;
import dev.samplinglab.engine.train.CorpusSplit;
import dev.samplinglab.engine.train.EvalResult;
import dev.samplinglab.engine.train.Perplexity;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eval}: cross-entropy of a text under a model, in nats/token and bits/char, with strided
 * windows (stride = context/2 by default).
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description =
                "Measure a model's loss on a text: nats/token and bits/char (strided windows).")
public final class EvalCommand implements Callable<Integer> {

    /** Which part of the text to score. */
    enum Split {
        val,
        all
    }

    @Option(
            names = "--model",
            description =
                    "bundled[:NAME], random:NAME or a model folder (default: the bundled model)")
    String model;

    @Option(names = "--text", required = true, description = "UTF-8 text file")
    Path text;

    @Option(
            names = "--split",
            description =
                    "val = last 10% of the characters (the training hold-out), all = whole file"
                            + " (default ${DEFAULT-VALUE})")
    Split split = Split.val;

    @Option(
            names = "--context",
            description =
                    "window length in tokens (default: the model's context, at most "
                            + DEFAULT_MAX_CONTEXT
                            + ")")
    Integer contextOption;

    /** Windows past this length cost memory (logits are [window, vocab]) and little accuracy. */
    static final int DEFAULT_MAX_CONTEXT = 1024;

    @Option(names = "--stride", description = "window stride in tokens (default: context/2)")
    Integer stride;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() {
        if (dev.samplinglab.engine.generate.ModelSpec.parse(model)
                instanceof dev.samplinglab.engine.generate.ServerSpec) {
            throw new BadInputException(
                    "eval needs the full distribution at every position; a server model (%s) sends"
                                    .formatted(model)
                            + " one position's top-N per request: use generate or the app with it");
        }
        String content = CorpusSplit.readUtf8(text);
        String scored = split == Split.val ? CorpusSplit.of(content).val() : content;
        if (scored.isEmpty()) {
            throw new BadInputException(text + ": the " + split + " split is empty");
        }
        try (LanguageModel lm = ModelSpec.parse(model).open()) {
            int context =
                    contextOption != null
                            ? contextOption
                            : Math.min(lm.summary().context(), DEFAULT_MAX_CONTEXT);
            int s = stride == null ? Math.max(1, context / 2) : stride;
            int[] tokens = lm.tokenizer().encode(scored);
            EvalResult r =
                    Perplexity.evaluate(lm.model(), tokens, CorpusSplit.chars(scored), s, context);
            System.out.println(json ? r.toJson() : describe(r, lm.name(), context, s));
        }
        return 0;
    }

    private String describe(EvalResult r, String name, int context, int s) {
        return String.format(
                Locale.ROOT,
                "%s on %s (%s split): %d tokens, %d chars, %.4f nats/token, %.4f bits/char"
                        + " (windows of %d tokens, stride %d)",
                name,
                text.getFileName(),
                split,
                r.tokens(),
                r.chars(),
                r.natsPerToken(),
                r.bitsPerChar(),
                context,
                s);
    }
}
