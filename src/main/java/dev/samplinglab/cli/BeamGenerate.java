package dev.samplinglab.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.samplinglab.engine.BadInputException;
import dev.samplinglab.engine.chat.Prompt;
import dev.samplinglab.engine.generate.LanguageModel;
import dev.samplinglab.engine.generate.beam.BeamDecoding;
import dev.samplinglab.engine.generate.beam.BeamSettings;
import dev.samplinglab.engine.generate.beam.BeamStep;
import dev.samplinglab.engine.generate.beam.BeamTraceJson;
import dev.samplinglab.engine.generate.beam.DecoderBeamModel;
import dev.samplinglab.engine.generate.beam.Hypothesis;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** {@code generate --num-beams N}: beam search on one prompt, printed best first. */
final class BeamGenerate {
    private final LanguageModel lm;
    private final BeamSettings settings;
    private final boolean cached;

    BeamGenerate(LanguageModel lm, BeamSettings settings, boolean cached) {
        this.lm = lm;
        this.settings = settings;
        this.cached = cached;
    }

    /** Runs the search, writes the trace (one JSON line per step, then the result) and prints. */
    void run(String prompt, Path trace, boolean json) throws IOException {
        int[] ids = promptIds(prompt);
        DecoderBeamModel model = DecoderBeamModel.of(lm, cached);
        try (BeamDecoding d =
                new BeamDecoding(model, settings, ids, eosIds(), lm.summary().context())) {
            List<Hypothesis> best = d.run(() -> false);
            JsonObject result =
                    BeamTraceJson.result(
                            settings, d.search().stop(), d.history().size(), best, this::text);
            if (trace != null) {
                writeTrace(trace, d.history(), result);
            }
            print(prompt, best, result, json);
        }
    }

    private int[] promptIds(String prompt) {
        int[] ids = Prompt.plain(prompt).encode(lm.tokenizer());
        if (ids.length == 0) {
            ids = new int[] {lm.eosId()};
        }
        int budget = lm.summary().context() / 2;
        if (ids.length > budget) {
            System.err.printf(
                    "note: the prompt is longer than half the context; its first %d tokens were"
                            + " dropped%n",
                    ids.length - budget);
            ids = Arrays.copyOfRange(ids, ids.length - budget, ids.length);
        }
        return ids;
    }

    private int[] eosIds() {
        return java.util.stream.IntStream.concat(
                        java.util.stream.IntStream.of(lm.eosId()),
                        lm.summary().eosIds().stream().mapToInt(Integer::intValue))
                .distinct()
                .toArray();
    }

    private String text(int[] tokens) {
        int n = tokens.length;
        while (n > 0 && lm.isEos(tokens[n - 1])) {
            n--;
        }
        return lm.tokenizer().decode(Arrays.copyOf(tokens, n));
    }

    private void writeTrace(Path file, List<BeamStep> steps, JsonObject result) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (BeamStep s : steps) {
                out.write(BeamTraceJson.step(s, lm.tokenizer()::piece, this::text).toString());
                out.newLine();
            }
            out.write(result.toString());
            out.newLine();
        } catch (IOException e) {
            throw new BadInputException("cannot write --trace " + file + ": " + e.getMessage());
        }
    }

    private void print(String prompt, List<Hypothesis> best, JsonObject result, boolean json) {
        if (json) {
            System.out.println(new GsonBuilder().disableHtmlEscaping().create().toJson(result));
            return;
        }
        for (int i = 0; i < best.size(); i++) {
            Hypothesis h = best.get(i);
            if (best.size() > 1) {
                System.out.printf(
                        "--- %d: score %.4f, log-prob %.4f, %d tokens%s%n",
                        i + 1, h.score(), h.sumLogProbs(), h.length(), h.eos() ? ", eos" : "");
            }
            System.out.println(prompt + text(h.tokens()));
        }
    }
}
