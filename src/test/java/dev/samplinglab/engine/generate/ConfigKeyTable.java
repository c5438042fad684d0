package dev.samplinglab.engine.generate;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.samplinglab.engine.model.DType;
import dev.samplinglab.engine.model.GenerationConfig;
import dev.samplinglab.engine.model.GptModel;
import dev.samplinglab.engine.model.ModelConfig;
import dev.samplinglab.engine.model.WeightLoader;
import dev.samplinglab.engine.train.BpeTrainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every key of every config file a model folder's loader reads, and the bad values each must
 * refuse: {@code null}, a string, a negative number, a fraction where an integer belongs, and
 * missing. A row either is refused (one line naming the file and the key) or, for an optional key
 * that is missing, loads with the Hugging Face default.
 *
 * <p>Extension point: a new model family (Llama, Qwen) or a new config file is one more {@link
 * Family} in {@link #FAMILIES}: a writer of a valid folder and the keys its loader reads.
 */
public final class ConfigKeyTable {

    /** The JSON type a key holds. */
    public enum Type {
        INT,
        NUMBER,
        STRING,
        /** A token's text: a string or an {@code AddedToken} object. */
        TOKEN,
        BOOLEAN,
        INT_OR_LIST
    }

    /**
     * A key a loader reads.
     *
     * @param file the config file's name
     * @param path the key; a nested key as {@code outer.inner}
     * @param required whether a missing key is refused (else the default applies)
     * @param accepted the bad values the format allows after all (e.g. {@code "bos_token": null} in
     *     tokenizer_config.json means "none"); each loads
     */
    public record Key(
            String file, String path, Type type, boolean required, Set<Mutation> accepted) {
        public Key(String file, String path, Type type, boolean required) {
            this(file, path, type, required, Set.of());
        }

        /** This key with {@code ok} values accepted as well. */
        public Key accepting(Mutation... ok) {
            return new Key(file, path, type, required, Set.of(ok));
        }

        /** The key's own name, as messages quote it. */
        public String leaf() {
            return path.substring(path.lastIndexOf('.') + 1);
        }
    }

    /** A model family whose folders the table mutates. */
    public interface Family {
        String name();

        /** Writes a complete folder that loads, with every file of {@link #keys()} present. */
        void writeValidFolder(Path dir) throws IOException;

        List<Key> keys();
    }

    /** The bad values. */
    public enum Mutation {
        NULL,
        STRING,
        NEGATIVE,
        FRACTION,
        MISSING
    }

    /** One bad folder: a key of a family's file set to a bad value (or removed). */
    public record Row(Family family, Key key, Mutation mutation) {
        /** Whether the loader must refuse it: all but a missing optional key and the accepted. */
        public boolean refused() {
            if (key.accepted().contains(mutation)) {
                return false;
            }
            return mutation != Mutation.MISSING || key.required();
        }

        /** Writes the family's valid folder into {@code dir} with this row's change. */
        public Path write(Path dir) {
            try {
                Files.createDirectories(dir);
                family.writeValidFolder(dir);
                Path file = dir.resolve(key.file());
                JsonObject root = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
                JsonObject parent = parentOf(root, key.path());
                if (mutation == Mutation.MISSING) {
                    parent.remove(key.leaf());
                } else {
                    parent.add(key.leaf(), badValue());
                }
                Files.writeString(file, new GsonBuilder().serializeNulls().create().toJson(root));
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private JsonElement badValue() {
            return switch (mutation) {
                case NULL -> JsonNull.INSTANCE;
                case STRING ->
                        new JsonPrimitive(
                                key.type() == Type.STRING || key.type() == Type.TOKEN
                                        ? "no-such-value"
                                        : "12");
                case NEGATIVE -> new JsonPrimitive(-1);
                case FRACTION -> new JsonPrimitive(1.5);
                case MISSING -> throw new IllegalStateException("a missing key has no value");
            };
        }

        @Override
        public String toString() {
            return "%s %s %s = %s".formatted(family.name(), key.file(), key.path(), mutation);
        }
    }

    /**
     * GPT-2 folders: config.json (GPT2Config keys), generation_config.json, tokenizer_config.json.
     */
    public static final Family GPT2 = new Gpt2Family();

    /** Every family the loaders open. */
    public static final List<Family> FAMILIES = List.of(GPT2);

    private ConfigKeyTable() {}

    /** Every (family, key, bad value) row; a fraction is skipped where a number belongs. */
    public static Stream<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Family f : FAMILIES) {
            for (Key k : f.keys()) {
                for (Mutation m : Mutation.values()) {
                    if (m == Mutation.FRACTION && k.type() == Type.NUMBER) {
                        continue;
                    }
                    rows.add(new Row(f, k, m));
                }
            }
        }
        return rows.stream();
    }

    /** The rows whose folder must be refused. */
    public static Stream<Row> refusedRows() {
        return rows().filter(Row::refused);
    }

    private static JsonObject parentOf(JsonObject root, String path) {
        JsonObject o = root;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            o = o.getAsJsonObject(parts[i]);
        }
        return o;
    }

    private static final class Gpt2Family implements Family {
        private static final String CONFIG = "config.json";
        private static final String TOKENIZER_CONFIG = "tokenizer_config.json";
        private Path template;

        @Override
        public String name() {
            return "gpt2";
        }

        @Override
        public List<Key> keys() {
            return List.of(
                    new Key(CONFIG, "n_layer", Type.INT, true),
                    new Key(CONFIG, "n_head", Type.INT, true),
                    new Key(CONFIG, "n_embd", Type.INT, true),
                    new Key(CONFIG, "n_positions", Type.INT, true),
                    new Key(CONFIG, "vocab_size", Type.INT, true),
                    new Key(CONFIG, "layer_norm_epsilon", Type.NUMBER, false),
                    new Key(CONFIG, "bos_token_id", Type.INT, false),
                    new Key(CONFIG, "eos_token_id", Type.INT, false),
                    new Key(CONFIG, "activation_function", Type.STRING, false),
                    new Key(GenerationConfig.FILE, "bos_token_id", Type.INT, false),
                    new Key(GenerationConfig.FILE, "eos_token_id", Type.INT_OR_LIST, false),
                    new Key(TOKENIZER_CONFIG, "bos_token", Type.TOKEN, false)
                            .accepting(Mutation.NULL, Mutation.STRING),
                    new Key(TOKENIZER_CONFIG, "eos_token", Type.TOKEN, false)
                            .accepting(Mutation.NULL, Mutation.STRING),
                    new Key(TOKENIZER_CONFIG, "chat_template", Type.STRING, false)
                            .accepting(Mutation.STRING));
        }

        /** A small BPE tokenizer and a random 1-layer model, built once and copied. */
        @Override
        public synchronized void writeValidFolder(Path dir) throws IOException {
            if (template == null) {
                template = Files.createTempDirectory("config-key-table-gpt2");
                template.toFile().deleteOnExit();
                buildTemplate(template);
            }
            try (Stream<Path> files = Files.list(template)) {
                for (Path f : files.toList()) {
                    Files.copy(
                            f,
                            dir.resolve(f.getFileName().toString()),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    f.toFile().deleteOnExit();
                }
            }
        }

        private static void buildTemplate(Path m) throws IOException {
            String text = "the cat sat on the mat. the dog sat on the log.\n".repeat(40);
            var bpe = BpeTrainer.train(text, 300);
            bpe.writeTokenizerJson(m.resolve("tokenizer.json"));
            int vocab = bpe.vocabSize();
            ModelConfig c = new ModelConfig(1, 2, 8, 32, vocab, 1e-5, vocab - 1, vocab - 1);
            try (GptModel g = GptModel.random(c, 1)) {
                WeightLoader.save(g.weights(), c, m.resolve("model.safetensors"), DType.F32);
            }
            Files.writeString(m.resolve(CONFIG), c.toJson().toString());
            JsonObject gen = new JsonObject();
            gen.addProperty("bos_token_id", vocab - 1);
            gen.addProperty("eos_token_id", vocab - 1);
            Files.writeString(m.resolve(GenerationConfig.FILE), gen.toString());
            JsonObject tok = new JsonObject();
            tok.addProperty("bos_token", "<|endoftext|>");
            tok.addProperty("eos_token", "<|endoftext|>");
            tok.addProperty(
                    "chat_template",
                    "{% for m in messages %}{{ m['content'] }}{% endfor %}{{ eos_token }}");
            Files.writeString(m.resolve(TOKENIZER_CONFIG), tok.toString());
        }
    }
}
