package dev.samplinglab.engine.chat;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.filter.AdvancedFilter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model's own chat template (the Jinja {@code chat_template} of {@code tokenizer_config.json}),
 * rendered with Jinjava the way Hugging Face's {@code apply_chat_template} renders it: {@code
 * trim_blocks} and {@code lstrip_blocks} on, the variables {@code messages}, {@code
 * add_generation_prompt}, {@code bos_token} and {@code eos_token}, the function {@code
 * raise_exception} and a Python-compatible {@code tojson} filter. See <a
 * href="https://huggingface.co/docs/transformers/main/en/chat_templating">Chat templates</a>.
 */
public final class ChatTemplate {
    private static final long MAX_OUTPUT_CHARS = 1_000_000;
    private static final Jinjava JINJAVA = newEngine();

    private final String source;
    private final String bosToken;
    private final String eosToken;

    private ChatTemplate(String source, String bosToken, String eosToken) {
        this.source = source;
        this.bosToken = bosToken;
        this.eosToken = eosToken;
    }

    /**
     * A template with the tokenizer's BOS and EOS text ({@code ""} when it has none). Nothing is
     * checked here: a template the engine cannot render fails in {@link #render}, so loading a
     * model never depends on it.
     */
    public static ChatTemplate of(String source, String bosToken, String eosToken) {
        // Jinja2 (keep_trailing_newline=False) drops one newline at the end of the source.
        String trimmed = source.endsWith("\n") ? source.substring(0, source.length() - 1) : source;
        return new ChatTemplate(
                trimmed, bosToken == null ? "" : bosToken, eosToken == null ? "" : eosToken);
    }

    /**
     * The prompt text for {@code messages}; with {@code addGenerationPrompt} it ends with the
     * header that opens the assistant's turn.
     *
     * @throws ChatTemplateException naming the template's problem
     */
    public String render(List<ChatMessage> messages, boolean addGenerationPrompt) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("messages", messages.stream().map(ChatMessage::asMap).toList());
        vars.put("add_generation_prompt", addGenerationPrompt);
        vars.put("bos_token", bosToken);
        vars.put("eos_token", eosToken);
        RenderResult result;
        try {
            result = JINJAVA.renderForResult(source, vars);
        } catch (RuntimeException e) {
            throw failure(rootMessage(e));
        }
        for (TemplateError error : result.getErrors()) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                throw failure(errorMessage(error));
            }
        }
        return result.getOutput();
    }

    /** The template text as rendered (one trailing newline removed, as Jinja2 does). */
    public String source() {
        return source;
    }

    private static ChatTemplateException failure(String detail) {
        return new ChatTemplateException(
                "the model's chat template cannot be rendered (%s); use the plain prompt mode"
                        .formatted(detail));
    }

    private static String errorMessage(TemplateError error) {
        Exception e = error.getException();
        String raised = e == null ? null : raisedMessage(e);
        if (raised != null) {
            return "the template says: " + raised;
        }
        String message = error.getMessage() == null ? error.getReason().name() : error.getMessage();
        return "line %d: %s".formatted(error.getLineno(), firstLine(message));
    }

    private static String rootMessage(Throwable e) {
        String raised = raisedMessage(e);
        if (raised != null) {
            return "the template says: " + raised;
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return firstLine(String.valueOf(root.getMessage()));
    }

    private static String raisedMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Raised r) {
                return r.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static Jinjava newEngine() {
        Jinjava jinjava =
                new Jinjava(
                        JinjavaConfig.newBuilder()
                                .withTrimBlocks(true)
                                .withLstripBlocks(true)
                                .withFailOnUnknownTokens(false)
                                .withMaxOutputSize(MAX_OUTPUT_CHARS)
                                .withLegacyOverrides(jinja2Semantics())
                                .withDisabled(
                                        Map.of(
                                                Context.Library.FILTER,
                                                Set.of(
                                                        "fromyaml",
                                                        "toyaml",
                                                        "ipaddr",
                                                        "ipv4",
                                                        "ipv6")))
                                .build());
        jinjava.registerFunction(
                new ELFunctionDefinition(
                        "", "raise_exception", ChatTemplate.class, "raiseException", String.class));
        jinjava.registerFilter(new ToJson());
        return jinjava;
    }

    /** Python Jinja2's rules where Jinjava's defaults differ ({@code {{-} trims, precedence). */
    private static LegacyOverrides jinja2Semantics() {
        return LegacyOverrides.newBuilder()
                .withUseTrimmingForNotesAndExpressions(true)
                .withParseWhitespaceControlStrictly(true)
                .withUseNaturalOperatorPrecedence(true)
                .withEvaluateMapKeys(true)
                .withIterateOverMapKeys(true)
                .withKeepNullableLoopValues(true)
                .build();
    }

    /** The template's {@code raise_exception(message)}: stops rendering with its message. */
    public static String raiseException(String message) {
        throw new Raised(message);
    }

    private static final class Raised extends RuntimeException {
        Raised(String message) {
            super(message);
        }
    }

    /** {@code tojson} as Python's {@code json.dumps}, with the optional {@code indent}. */
    private static final class ToJson implements AdvancedFilter {
        @Override
        public String getName() {
            return "tojson";
        }

        @Override
        public Object filter(
                Object var,
                JinjavaInterpreter interpreter,
                Object[] args,
                Map<String, Object> kwargs) {
            Object indent = kwargs.getOrDefault("indent", args.length > 0 ? args[0] : null);
            int n = indent instanceof Number num ? num.intValue() : -1;
            return PythonJson.dumps(var, n);
        }
    }
}
