package dev.samplinglab.engine.server;

/**
 * What one request sends as the context: token ids for the APIs that take them, else the text; the
 * chat form also needs the prompt apart from what was generated after it.
 *
 * @param ids the context's token ids (null for a text API)
 * @param prompt the prompt text (text APIs)
 * @param generated the text generated after the prompt (text APIs; empty at the first step)
 */
public record ServerContext(int[] ids, String prompt, String generated) {
    public static ServerContext ofIds(int[] ids) {
        return new ServerContext(ids.clone(), null, null);
    }

    public static ServerContext ofText(String prompt, String generated) {
        return new ServerContext(null, prompt, generated);
    }

    /** The whole context as text. */
    public String text() {
        return prompt + generated;
    }
}
