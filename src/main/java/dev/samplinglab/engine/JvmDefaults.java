package dev.samplinglab.engine;

/**
 * Process-wide JVM defaults for the engine: DJL fully offline, one libtorch thread, quiet CUDA
 * probing. Applied by every entry point (the CLI, the app) before DJL starts.
 */
public final class JvmDefaults {
    private JvmDefaults() {}

    /** Sets system properties unless the user already set them. */
    public static void apply() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        setIfAbsent("ai.djl.pytorch.graph_optimizer", "false");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
        setIfAbsent("org.slf4j.simpleLogger.log.ai.djl.pytorch.jni.LibUtils", "error");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
