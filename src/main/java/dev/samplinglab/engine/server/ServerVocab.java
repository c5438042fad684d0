package dev.samplinglab.engine.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The token ids a server model uses and their texts. With a token-id API (llama.cpp, vLLM) ids are
 * the server's own; texts come with the answers or from {@code /detokenize}, and are remembered.
 * With a text API (Ollama, OpenAI) there are no ids: every distinct token text gets the next free
 * id here, so the rest of the engine can still work with int ids.
 */
final class ServerVocab {
    private final LogProbsApi api;
    private final boolean serverIds;
    private final int declared;
    private final Map<Integer, String> texts = new HashMap<>();
    private final Map<String, Integer> interned = new HashMap<>();
    private final List<String> byId = new ArrayList<>();
    private int maxId = -1;

    ServerVocab(LogProbsApi api) {
        this.api = api;
        this.serverIds = api.flavour().tokenIds();
        this.declared = serverIds ? api.facts().vocab() : 0;
    }

    boolean serverIds() {
        return serverIds;
    }

    /** The id of a token the server sent (its own, or interned from its text). */
    synchronized int idOf(TokenLogProb t) {
        if (!serverIds) {
            return intern(t.text());
        }
        if (!t.text().isEmpty()) {
            texts.put(t.id(), t.text());
        }
        see(t.id());
        return t.id();
    }

    /** Notes ids the server produced (tokenize), so the vocabulary covers them. */
    synchronized void see(int... ids) {
        for (int id : ids) {
            maxId = Math.max(maxId, id);
        }
    }

    /** The id of a text (text APIs only). */
    synchronized int intern(String text) {
        Integer id = interned.get(text);
        if (id == null) {
            id = byId.size();
            byId.add(text);
            interned.put(text, id);
        }
        return id;
    }

    /** The text of {@code id}: remembered, or asked of the server (and then remembered). */
    String text(int id) {
        synchronized (this) {
            if (!serverIds) {
                return id >= 0 && id < byId.size() ? byId.get(id) : "";
            }
            String known = texts.get(id);
            if (known != null) {
                return known;
            }
        }
        String asked = api.detokenize(new int[] {id});
        synchronized (this) {
            texts.put(id, asked);
        }
        return asked;
    }

    /** The remembered text of {@code id}, or null. */
    synchronized String knownText(int id) {
        return serverIds ? texts.get(id) : id >= 0 && id < byId.size() ? byId.get(id) : null;
    }

    /** Ids in use: the server's vocabulary when it says, else one past the largest id seen. */
    synchronized int size() {
        return serverIds ? Math.max(declared, maxId + 1) : byId.size();
    }
}
