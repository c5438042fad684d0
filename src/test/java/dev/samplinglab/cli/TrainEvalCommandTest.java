package dev.samplinglab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samplinglab.engine.generate.LanguageModel;
import dev.samplinglab.engine.train.Checkpoint;
import dev.samplinglab.engine.train.CorpusSplit;
import dev.samplinglab.engine.train.Perplexity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainEvalCommandTest {
    private static final String[] TINY = {
        "--vocab-size", "280", "--layers", "2", "--heads", "2", "--d-model", "32",
        "--context", "32", "--batch-size", "4", "--eval-every", "2", "--checkpoint-every", "2"
    };

    private static String corpus() {
        return "Now is the winter of our discontent made glorious summer.\n".repeat(30);
    }

    /** A tiny train command line; {@code more} (flag, value or lone flags) override TINY. */
    private static String[] train(Path corpus, Path out, String... more) {
        java.util.Map<String, String> opts = new java.util.LinkedHashMap<>();
        for (int i = 0; i < TINY.length; i += 2) {
            opts.put(TINY[i], TINY[i + 1]);
        }
        for (int i = 0; i < more.length; i++) {
            boolean flag = i + 1 >= more.length || more[i + 1].startsWith("--");
            opts.put(more[i], flag ? null : more[++i]);
        }
        java.util.List<String> all =
                new java.util.ArrayList<>(
                        java.util.List.of(
                                "train", "--corpus", corpus.toString(), "--out", out.toString()));
        opts.forEach(
                (k, v) -> {
                    all.add(k);
                    if (v != null) {
                        all.add(v);
                    }
                });
        return all.toArray(String[]::new);
    }

    @Test
    void badInputsExitWithTwoAndLeaveNoModel(@TempDir Path dir) throws Exception {
        Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
        Path binary = Files.write(dir.resolve("bin.txt"), new byte[] {'a', (byte) 0xFF, 'b'});
        Path shortText = Files.writeString(dir.resolve("short.txt"), "too short");
        Path good = Files.writeString(dir.resolve("good.txt"), corpus());
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a folder");
        Path out = dir.resolve("out");
        assertThat(Main.run(train(empty, out))).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(Main.run(train(binary, out))).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(Main.run(train(shortText, out))).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(Main.run(train(good, out, "--vocab-size", "100"))).isEqualTo(2);
        assertThat(Main.run(train(good, blocker.resolve("model")))).isEqualTo(2);
        assertThat(Main.run(train(good, out, "--heads", "3"))).isEqualTo(2);
        assertThat(Main.run(train(good, out, "--resume"))).isEqualTo(2); // no checkpoint
        assertThat(out).doesNotExist();
        assertThat(Main.run("eval", "--model", dir.toString(), "--text", good.toString()))
                .isEqualTo(2);
    }

    @Test
    void trainsResumesAndEvaluatesConsistently(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("corpus.txt"), corpus());
        Path out = dir.resolve("model");
        Path ckpt = dir.resolve("ckpt");
        assertThat(Main.run(train(text, out, "--steps", "4", "--checkpoint-dir", ckpt.toString())))
                .isEqualTo(0);
        for (String f :
                new String[] {
                    "config.json", "model.safetensors", "tokenizer.json", "MODEL_CARD.md"
                }) {
            assertThat(out.resolve(f)).isRegularFile();
        }
        assertThat(out.resolve(".staging")).doesNotExist();
        assertThat(Checkpoint.read(ckpt).step()).isEqualTo(4);
        String card = Files.readString(out.resolve("MODEL_CARD.md"));
        assertThat(card).contains("ROMEO:").contains("bits/char").contains("greedy");

        assertThat(
                        Main.run(
                                train(
                                        text,
                                        out,
                                        "--steps",
                                        "6",
                                        "--resume",
                                        "--checkpoint-dir",
                                        ckpt.toString())))
                .isEqualTo(0);
        assertThat(Checkpoint.read(ckpt).step()).isEqualTo(6);
        assertThat(Files.readString(out.resolve("MODEL_CARD.md"))).contains("6 steps");

        JsonObject json =
                JsonParser.parseString(
                                stdout(
                                        "eval",
                                        "--model",
                                        out.toString(),
                                        "--text",
                                        text.toString(),
                                        "--json"))
                        .getAsJsonObject();
        String val = CorpusSplit.of(corpus()).val();
        try (LanguageModel lm = LanguageModel.open(out.toString())) {
            int[] tokens = lm.tokenizer().encode(val);
            var direct = Perplexity.evaluate(lm.model(), tokens, val.length(), 16);
            assertThat(json.get("tokens").getAsLong()).isEqualTo(tokens.length);
            assertThat(json.get("chars").getAsLong()).isEqualTo(val.length());
            assertThat(json.get("nats_per_token").getAsDouble())
                    .isCloseTo(direct.natsPerToken(), within(1e-5));
            assertThat(json.get("bits_per_char").getAsDouble())
                    .isCloseTo(direct.nats() / val.length() / Math.log(2), within(1e-5));
        }
    }

    private static String stdout(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run(args)).isEqualTo(0);
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8).strip();
    }
}
