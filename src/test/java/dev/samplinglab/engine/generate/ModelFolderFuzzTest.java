package dev.samplinglab.engine.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samplinglab.engine.model.DType;
import dev.samplinglab.engine.model.GptModel;
import dev.samplinglab.engine.model.ModelConfig;
import dev.samplinglab.engine.model.ModelLoadException;
import dev.samplinglab.engine.model.NonFiniteLogitsException;
import dev.samplinglab.engine.model.WeightLoader;
import dev.samplinglab.engine.sampling.SamplingPipeline;
import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.train.BpeTrainer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutations of a valid model folder: each either loads and generates one token or fails with
 * {@link ModelLoadException} (or, when finite but huge weights overflow in the first step, {@link
 * NonFiniteLogitsException}); none hangs past 2 s, throws anything else or allocates more than 256
 * MB. {@code -Dfuzz.cases=1000} runs the full size (default 200).
 */
class ModelFolderFuzzTest {
    static final int CASES = Integer.getInteger("fuzz.cases", 200);
    static final long MAX_ALLOCATED = 256L * 1024 * 1024;

    @TempDir static Path root;
    static Path valid;
    static ExecutorService worker;

    enum Kind {
        TRUNCATE,
        FLIP_HEADER,
        FLIP_DATA,
        HEADER_LEN_ZERO,
        HEADER_LEN_2_63,
        HEADER_LEN_SIZE_PLUS_1,
        SHUFFLE_OFFSETS,
        WRONG_DTYPE,
        WRONG_SHAPE,
        DELETE_FILE,
        EMPTY_FILE,
        HUGE_POSITIONS,
        BAD_CONFIG,
        FLIP_TOKENIZER
    }

    @BeforeAll
    static void makeValidFolder() throws IOException {
        valid = root.resolve("valid");
        Files.createDirectories(valid);
        var bpe =
                BpeTrainer.train(
                        "the cat sat on the mat; the dog sat on the log.\n".repeat(30), 290);
        bpe.writeTokenizerJson(valid.resolve("tokenizer.json"));
        int v = bpe.vocabSize();
        ModelConfig c = new ModelConfig(1, 2, 8, 32, v, 1e-5, v - 1, v - 1);
        try (GptModel g = GptModel.random(c, 1)) {
            WeightLoader.save(g.weights(), c, valid.resolve("model.safetensors"), DType.F32);
        }
        Files.writeString(valid.resolve("config.json"), c.toJson().toString());
        worker =
                Executors.newSingleThreadExecutor(
                        r -> {
                            Thread t = new Thread(r, "fuzz-worker");
                            t.setDaemon(true);
                            return t;
                        });
    }

    @AfterAll
    static void stop() {
        worker.shutdownNow();
    }

    @Test
    void everyMutationLoadsOrFailsCleanly() throws Exception {
        Map<String, int[]> outcomes = new TreeMap<>();
        long worstAlloc = 0;
        for (int i = 0; i < CASES; i++) {
            Random rng = new Random(1000L + i);
            Kind kind = Kind.values()[i % Kind.values().length];
            Path dir = root.resolve("case" + i);
            copy(valid, dir);
            mutate(kind, dir, rng);
            Future<long[]> f = worker.submit(() -> loadAndStep(dir));
            long[] result;
            try {
                result = f.get(2, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
                throw new AssertionError("case " + i + " (" + kind + ") hung past 2 s");
            } catch (java.util.concurrent.ExecutionException e) {
                throw new AssertionError(
                        "case " + i + " (" + kind + ") threw " + e.getCause(), e.getCause());
            }
            worstAlloc = Math.max(worstAlloc, result[1]);
            assertThat(result[1]).as("case %d (%s) allocated", i, kind).isLessThan(MAX_ALLOCATED);
            outcomes.computeIfAbsent(kind.name(), k -> new int[2])[result[0] == 0 ? 0 : 1]++;
            deleteTree(dir);
        }
        System.out.printf("fuzz: %d cases, worst allocation %.1f MB%n", CASES, worstAlloc / 1e6);
        outcomes.forEach(
                (k, v) ->
                        System.out.printf(
                                "fuzz: %-24s loaded+stepped %4d  refused %4d%n", k, v[0], v[1]));
    }

    /** Returns {0 loaded / 1 refused, bytes allocated by this thread}. */
    private static long[] loadAndStep(Path dir) {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        long outcome;
        try (LanguageModel lm = LanguageModel.open(dir.toString());
                DecodeSession s = new DecodeSession(lm, "the cat", 0)) {
            s.step(SamplingPipeline.of(SamplingSettings.greedyDecoding()));
            outcome = 0;
        } catch (ModelLoadException | NonFiniteLogitsException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            outcome = 1;
        }
        return new long[] {outcome, mx.getThreadAllocatedBytes(tid) - before};
    }

    private static void mutate(Kind kind, Path dir, Random rng) throws IOException {
        Path st = dir.resolve("model.safetensors");
        byte[] bytes = Files.readAllBytes(st);
        int headerLen = (int) ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        switch (kind) {
            case TRUNCATE ->
                    Files.write(st, java.util.Arrays.copyOf(bytes, rng.nextInt(bytes.length)));
            case FLIP_HEADER -> flip(st, bytes, 8, 8 + headerLen, rng);
            case FLIP_DATA -> flip(st, bytes, 8 + headerLen, bytes.length, rng);
            case HEADER_LEN_ZERO -> setHeaderLength(st, bytes, 0);
            case HEADER_LEN_2_63 -> setHeaderLength(st, bytes, Long.MIN_VALUE);
            case HEADER_LEN_SIZE_PLUS_1 -> setHeaderLength(st, bytes, bytes.length + 1L);
            case SHUFFLE_OFFSETS ->
                    rewriteHeader(st, bytes, headerLen, h -> shuffleOffsets(h, rng));
            case WRONG_DTYPE ->
                    rewriteHeader(
                            st,
                            bytes,
                            headerLen,
                            h ->
                                    randomTensor(h, rng)
                                            .addProperty(
                                                    "dtype",
                                                    List.of(
                                                                    "F64", "I8", "U8", "BOOL", "Q4",
                                                                    "", "f32")
                                                            .get(rng.nextInt(7))));
            case WRONG_SHAPE ->
                    rewriteHeader(
                            st,
                            bytes,
                            headerLen,
                            h ->
                                    randomTensor(h, rng)
                                            .add(
                                                    "shape",
                                                    JsonParser.parseString(
                                                            List.of(
                                                                            "[]",
                                                                            "[1]",
                                                                            "[-1, 8]",
                                                                            "[99999999, 99999999]",
                                                                            "[8, 0]",
                                                                            "[2147483648]")
                                                                    .get(rng.nextInt(6)))));
            case DELETE_FILE -> Files.delete(dir.resolve(randomFile(rng)));
            case EMPTY_FILE -> Files.write(dir.resolve(randomFile(rng)), new byte[0]);
            case HUGE_POSITIONS ->
                    editConfig(
                            dir,
                            c ->
                                    c.addProperty(
                                            "n_positions",
                                            List.of(1_000_000, 999_999_999, 2_000_000)
                                                    .get(rng.nextInt(3))));
            case BAD_CONFIG ->
                    editConfig(
                            dir,
                            c -> {
                                String key =
                                        List.of(
                                                        "n_layer",
                                                        "n_head",
                                                        "n_embd",
                                                        "vocab_size",
                                                        "layer_norm_epsilon")
                                                .get(rng.nextInt(5));
                                switch (rng.nextInt(4)) {
                                    case 0 -> c.remove(key);
                                    case 1 -> c.addProperty(key, -3);
                                    case 2 -> c.addProperty(key, "twelve");
                                    default -> c.addProperty(key, 7);
                                }
                            });
            case FLIP_TOKENIZER -> {
                Path tok = dir.resolve("tokenizer.json");
                byte[] t = Files.readAllBytes(tok);
                if (rng.nextBoolean()) {
                    Files.write(tok, java.util.Arrays.copyOf(t, rng.nextInt(t.length)));
                } else {
                    flip(tok, t, 0, t.length, rng);
                }
            }
        }
    }

    private static String randomFile(Random rng) {
        return List.of("config.json", "model.safetensors", "tokenizer.json").get(rng.nextInt(3));
    }

    private static void flip(Path file, byte[] bytes, int from, int to, Random rng)
            throws IOException {
        int n = 1 + rng.nextInt(8);
        for (int i = 0; i < n && to > from; i++) {
            bytes[from + rng.nextInt(to - from)] ^= (byte) (1 << rng.nextInt(8));
        }
        Files.write(file, bytes);
    }

    private static void setHeaderLength(Path file, byte[] bytes, long len) throws IOException {
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, len);
        Files.write(file, bytes);
    }

    private static void rewriteHeader(
            Path file, byte[] bytes, int headerLen, java.util.function.Consumer<JsonObject> edit)
            throws IOException {
        JsonObject h =
                JsonParser.parseString(new String(bytes, 8, headerLen, StandardCharsets.UTF_8))
                        .getAsJsonObject();
        edit.accept(h);
        byte[] json = h.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer out =
                ByteBuffer.allocate(8 + json.length + bytes.length - 8 - headerLen)
                        .order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(json.length).put(json).put(bytes, 8 + headerLen, bytes.length - 8 - headerLen);
        Files.write(file, out.array());
    }

    private static JsonObject randomTensor(JsonObject header, Random rng) {
        List<String> names = new ArrayList<>(header.keySet());
        names.remove("__metadata__");
        return header.getAsJsonObject(names.get(rng.nextInt(names.size())));
    }

    private static void shuffleOffsets(JsonObject header, Random rng) {
        List<JsonElement> offsets = new ArrayList<>();
        List<String> names = new ArrayList<>(header.keySet());
        names.remove("__metadata__");
        for (String n : names) {
            offsets.add(header.getAsJsonObject(n).get("data_offsets"));
        }
        Collections.shuffle(offsets, rng);
        for (int i = 0; i < names.size(); i++) {
            header.getAsJsonObject(names.get(i)).add("data_offsets", offsets.get(i));
        }
        if (rng.nextBoolean()) {
            JsonArray a = randomTensor(header, rng).getAsJsonArray("data_offsets");
            a.set(
                    1,
                    new com.google.gson.JsonPrimitive(
                            a.get(1).getAsLong() + 4 * (rng.nextInt(5) - 2)));
        }
    }

    private static void editConfig(Path dir, java.util.function.Consumer<JsonObject> edit)
            throws IOException {
        Path cfg = dir.resolve("config.json");
        JsonObject c = JsonParser.parseString(Files.readString(cfg)).getAsJsonObject();
        edit.accept(c);
        Files.writeString(cfg, c.toString());
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String f : new String[] {"config.json", "model.safetensors", "tokenizer.json"}) {
            Files.copy(from.resolve(f), to.resolve(f));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }
}
