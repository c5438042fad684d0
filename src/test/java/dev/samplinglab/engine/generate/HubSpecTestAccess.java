package dev.samplinglab.engine.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Lets tests in other packages build the tiny GPT-2 files {@link HubSpecTest} uses. */
public final class HubSpecTestAccess {
    private HubSpecTestAccess() {}

    public static Map<String, byte[]> gpt2Files(Path dir) throws IOException {
        return HubSpecTest.gpt2Files(dir);
    }
}
