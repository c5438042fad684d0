package dev.samplinglab.app;

import dev.samplinglab.app.common.LabModels;
import dev.samplinglab.engine.generate.LanguageModel;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One open {@link LanguageModel} per spec, shared by the step window, the compare tab and the cache
 * lab, with a count of users: the model is closed when its last user releases it, so a large
 * Hugging Face folder is held in memory once, not once per tab.
 *
 * <p>Sharing is safe: inference only reads the weights; every {@code DecodeSession} and every
 * cache-lab run has its own KV cache; each forward runs in its own DJL {@code NDScope} (a
 * thread-local stack) and the model's NDManager keeps its resources in concurrent maps; the lazily
 * built LM head is created under a lock. The step window and the compare tab also run on the same
 * model-worker thread, so their forwards never overlap; only a cache-lab run (own thread, so a long
 * run never holds up stepping) can overlap with them.
 */
public final class SharedModels implements LabModels {
    private final Function<String, LanguageModel> opener;
    private final Map<String, LanguageModel> bySpec = new HashMap<>();
    private final Map<LanguageModel, Integer> users = new IdentityHashMap<>();
    private final Map<LanguageModel, String> specOf = new IdentityHashMap<>();

    /**
     * @param opener opens a model by spec (slow; called without the pool's lock)
     */
    public SharedModels(Function<String, LanguageModel> opener) {
        this.opener = opener;
    }

    /**
     * The open model for {@code spec} (one more user), opening it if nobody holds it. The open runs
     * outside the lock, so a slow load on one thread (the cache lab's) never blocks another
     * thread's load, and interrupting a load still cancels it; if two threads race to open the same
     * spec, the second copy is closed and the first one shared.
     */
    @Override
    public LanguageModel open(String spec) {
        LanguageModel held = acquireOpen(spec);
        if (held != null) {
            return held;
        }
        LanguageModel opened = opener.apply(spec);
        synchronized (this) {
            LanguageModel raced = bySpec.get(spec);
            if (raced != null) {
                opened.close();
                users.merge(raced, 1, Integer::sum);
                return raced;
            }
            bySpec.put(spec, opened);
            specOf.put(opened, spec);
            users.put(opened, 1);
            return opened;
        }
    }

    private synchronized LanguageModel acquireOpen(String spec) {
        LanguageModel lm = bySpec.get(spec);
        if (lm != null) {
            users.merge(lm, 1, Integer::sum);
        }
        return lm;
    }

    /** One user fewer; the last one closes the model. A model not from this pool is closed. */
    @Override
    public synchronized void release(LanguageModel lm) {
        Integer n = users.get(lm);
        if (n == null) {
            lm.close();
            return;
        }
        if (n > 1) {
            users.put(lm, n - 1);
            return;
        }
        users.remove(lm);
        bySpec.remove(specOf.remove(lm));
        lm.close();
    }

    /** How many users hold the model of {@code spec} (0 when it is not open). */
    public synchronized int users(String spec) {
        LanguageModel lm = bySpec.get(spec);
        return lm == null ? 0 : users.get(lm);
    }
}
