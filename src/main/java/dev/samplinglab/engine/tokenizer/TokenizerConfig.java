package dev.samplinglab.engine.tokenizer;

import dev.samplinglab.engine.model.ConfigJson;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The keys of {@code tokenizer_config.json} the engine reads, through the strict {@link ConfigJson}
 * reader: the BOS and EOS token text and the Jinja {@code chat_template}. A token may be written as
 * a string or as an {@code AddedToken} object with a {@code content}; a template as a string or as
 * a list of named templates (the one named {@code default} is used). See <a
 * href="https://huggingface.co/docs/transformers/main/en/chat_templating">Chat templates</a>.
 *
 * @param bosToken the BOS text, or null
 * @param eosToken the EOS text, or null
 * @param chatTemplate the template source, or null
 */
public record TokenizerConfig(String bosToken, String eosToken, String chatTemplate) {
    static final String FILE = "tokenizer_config.json";

    /** No config file: nothing known. */
    public static final TokenizerConfig NONE = new TokenizerConfig(null, null, null);

    /** Reads {@code dir/tokenizer_config.json}; {@link #NONE} when the folder has none. */
    public static TokenizerConfig readIfPresent(Path dir) {
        return ConfigJson.readIfPresent(dir.resolve(FILE)).map(TokenizerConfig::of).orElse(NONE);
    }

    /** Parses the text of a {@code tokenizer_config.json}. */
    public static TokenizerConfig parse(String text) {
        return of(ConfigJson.parse(text, FILE));
    }

    private static TokenizerConfig of(ConfigJson c) {
        return new TokenizerConfig(
                c.optionalTokenText("bos_token").orElse(null),
                c.optionalTokenText("eos_token").orElse(null),
                c.optionalStringOrNamed("chat_template", "name", "default", "template")
                        .orElse(null));
    }

    public Optional<String> chatTemplateSource() {
        return Optional.ofNullable(chatTemplate);
    }
}
