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
import dev.samplinglab.engine.model.LlamaConfig;
import dev.samplinglab.engine.model.LlamaFolders;
import dev.samplinglab.engine.model.ModelConfig;
import dev.samplinglab.engine.model.RopeScaling;
import dev.samplinglab.engine.model.WeightLoader;
import dev.samplinglab.engine.tokenizer.SyntheticTokenizers;
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
        INT_OR_LIST,
        STRING_LIST,
        OBJECT
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
            String file,
            String path,
            Type type,
            boolean required,
            Set<Mutation> accepted,
            String named) {
        public Key(String file, String path, Type type, boolean required) {
            this(file, path, type, required, Set.of(), null);
        }

        /** This key with {@code ok} values accepted as well. */
        public Key accepting(Mutation... ok) {
            return new Key(file, path, type, required, Set.of(ok), named);
        }

        /** This key, whose absence the loader reports under another key ({@code type}). */
        public Key missingNamedAs(String other) {
            return new Key(file, path, type, required, accepted, other);
        }

        /** The key's own name, as messages quote it. */
        public String leaf() {
            return path.substring(path.lastIndexOf('.') + 1);
        }

        /** The key a message about {@code m} names. */
        public String namedIn(Mutation m) {
            return m == Mutation.MISSING && named != null ? named : leaf();
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
                                switch (key.type()) {
                                    case STRING, TOKEN, STRING_LIST, OBJECT -> "no-such-value";
                                    default -> "12";
                                });
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

    /** Llama-family folders (llama, qwen2, qwen3 read the same keys) with llama3 RoPE scaling. */
    public static final Family LLAMA = new LlamaFamily();

    /** Every family the loaders open. */
    public static final List<Family> FAMILIES = List.of(GPT2, LLAMA);

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

    /** Copies a template folder, built once per family, into {@code dir}. */
    private abstract static class TemplateFamily implements Family {
        private Path template;

        abstract void buildTemplate(Path dir) throws IOException;

        @Override
        public synchronized void writeValidFolder(Path dir) throws IOException {
            if (template == null) {
                template = Files.createTempDirectory("config-key-table-" + name());
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
    }

    private static final class LlamaFamily extends TemplateFamily {
        private static final String CONFIG = "config.json";
        private static final String SCALING = "rope_scaling.";

        @Override
        public String name() {
            return "llama";
        }

        @Override
        public List<Key> keys() {
            return List.of(
                    new Key(CONFIG, "model_type", Type.STRING, true),
                    new Key(CONFIG, "architectures", Type.STRING_LIST, false),
                    new Key(CONFIG, "hidden_act", Type.STRING, false),
                    new Key(CONFIG, "mlp_bias", Type.BOOLEAN, false),
                    new Key(CONFIG, "use_sliding_window", Type.BOOLEAN, false),
                    new Key(CONFIG, "hidden_size", Type.INT, true),
                    new Key(CONFIG, "num_hidden_layers", Type.INT, true),
                    new Key(CONFIG, "num_attention_heads", Type.INT, true),
                    new Key(CONFIG, "num_key_value_heads", Type.INT, false),
                    new Key(CONFIG, "head_dim", Type.INT, false),
                    new Key(CONFIG, "intermediate_size", Type.INT, true),
                    new Key(CONFIG, "rms_norm_eps", Type.NUMBER, false),
                    new Key(CONFIG, "rope_theta", Type.NUMBER, false),
                    new Key(CONFIG, "rope_scaling", Type.OBJECT, false).accepting(Mutation.NULL),
                    new Key(CONFIG, SCALING + "rope_type", Type.STRING, true)
                            .missingNamedAs("type"),
                    new Key(CONFIG, SCALING + "factor", Type.NUMBER, true),
                    new Key(CONFIG, SCALING + "low_freq_factor", Type.NUMBER, true),
                    new Key(CONFIG, SCALING + "high_freq_factor", Type.NUMBER, true),
                    new Key(CONFIG, SCALING + "original_max_position_embeddings", Type.INT, true),
                    new Key(CONFIG, "max_position_embeddings", Type.INT, true),
                    new Key(CONFIG, "tie_word_embeddings", Type.BOOLEAN, false),
                    new Key(CONFIG, "attention_bias", Type.BOOLEAN, false),
                    new Key(CONFIG, "vocab_size", Type.INT, true),
                    new Key(CONFIG, "bos_token_id", Type.INT, false),
                    new Key(CONFIG, "eos_token_id", Type.INT_OR_LIST, false),
                    new Key(GenerationConfig.FILE, "bos_token_id", Type.INT, false),
                    new Key(GenerationConfig.FILE, "eos_token_id", Type.INT_OR_LIST, false),
                    new Key(TOKENIZER_CONFIG, "bos_token", Type.TOKEN, false)
                            .accepting(Mutation.NULL, Mutation.STRING),
                    new Key(TOKENIZER_CONFIG, "eos_token", Type.TOKEN, false)
                            .accepting(Mutation.NULL, Mutation.STRING),
                    new Key(TOKENIZER_CONFIG, "chat_template", Type.STRING, false)
                            .accepting(Mutation.STRING));
        }

        /**
         * One block, heads = kv heads and head_dim = hidden / heads (so the defaults of the
         * optional keys fit the weights), untied, llama3 RoPE scaling, a ChatML tokenizer.
         */
        @Override
        void buildTemplate(Path m) throws IOException {
            int vocab = 300;
            LlamaConfig c =
                    new LlamaConfig(
                            LlamaConfig.Family.LLAMA,
                            64,
                            1,
                            4,
                            4,
                            16,
                            96,
                            1e-5,
                            10_000,
                            RopeScaling.llama3(8, 1, 4, 64),
                            128,
                            false,
                            false,
                            vocab,
                            1,
                            List.of(vocab - 1));
            LlamaFolders.write(m, c, LlamaFolders.randomTensors(c, 1), DType.F32, 1);
            Path config = m.resolve(CONFIG);
            JsonObject o = JsonParser.parseString(Files.readString(config)).getAsJsonObject();
            o.addProperty("mlp_bias", false);
            o.addProperty("use_sliding_window", false);
            Files.writeString(config, o.toString());
            SyntheticTokenizers.write(SyntheticTokenizers.Kind.BYTE_LEVEL_CHATML, vocab, m);
        }
    }

    private static final String TOKENIZER_CONFIG = "tokenizer_config.json";

    private static final class Gpt2Family extends TemplateFamily {
        private static final String CONFIG = "config.json";

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

        /** A small BPE tokenizer and a random 1-layer model. */
        @Override
        void buildTemplate(Path m) throws IOException {
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
