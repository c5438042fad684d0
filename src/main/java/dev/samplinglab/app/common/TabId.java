package dev.samplinglab.app.common;

import dev.samplinglab.engine.LowerCaseNamed;
import java.util.Arrays;
import java.util.Optional;

/** The window's tabs, in their order; {@link #key} is the name the snapshot command takes. */
public enum TabId {
    STEP("step", "Step"),
    COMPARE("compare", "Compare"),
    CACHE("cache", "KV cache"),
    PLAYGROUND("playground", "Playground");

    private final String key;
    private final String title;

    TabId(String key, String title) {
        this.key = key;
        this.title = title;
    }

    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    /** The node id of the tab header, e.g. "tab-compare". */
    public String nodeId() {
        return "tab-" + key;
    }

    /** The tab named {@code key}, if there is one. */
    public static Optional<TabId> find(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }

    /** "step, compare, cache or playground". */
    public static String choices() {
        return LowerCaseNamed.choices(values(), TabId::key);
    }
}
