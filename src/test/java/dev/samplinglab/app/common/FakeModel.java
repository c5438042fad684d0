package dev.samplinglab.app.common;

import java.util.ArrayList;
import java.util.List;

/** A model handle that hands out {@link FakeStepSource}s and remembers them. */
public final class FakeModel implements ModelHandle {
    final String name;
    public final List<FakeStepSource> sessions = new ArrayList<>();
    public boolean closed;

    public boolean closed() {
        return closed;
    }

    public FakeModel(String name) {
        this.name = name;
    }

    /** An opener that opens a FakeModel for any spec except ones starting with "bad". */
    public static ModelOpener opener() {
        return (spec, progress) -> {
            progress.accept(0.5);
            if (spec.startsWith("bad")) {
                throw new IllegalArgumentException(spec + "/config.json: missing key n_embd");
            }
            return new FakeModel(spec);
        };
    }

    public FakeStepSource session() {
        return sessions.get(sessions.size() - 1);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public StepSource start(String prompt, long seed) {
        FakeStepSource s = new FakeStepSource(prompt, seed);
        sessions.add(s);
        return s;
    }

    @Override
    public void close() {
        closed = true;
    }
}
