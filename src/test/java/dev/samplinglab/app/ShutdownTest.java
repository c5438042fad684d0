package dev.samplinglab.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.io.AppSettings;
import dev.samplinglab.app.io.SettingsStore;
import dev.samplinglab.engine.sampling.Preset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Closing the window while the model is working exits cleanly: the real app is started in a
 * subprocess (Monocle headless) through {@link Launcher#main}, auto-stepping and/or a cache-lab run
 * is started, the window is closed, and the process must exit with code 0 within 10 s of the close,
 * print no exception and leave no hs_err_pid*.log (a native crash).
 */
class ShutdownTest {
    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"run", "both"})
    void closingTheWindowDuringWorkExitsCleanly(String mode) throws Exception {
        closeDuring(mode);
    }

    /** The cache lab decoding GPT-2-small shapes (a few seconds of native work) at the close. */
    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.Tag("slow")
    void closingTheWindowDuringAGpt2CacheLabRunExitsCleanly() throws Exception {
        closeDuring("gpt2");
    }

    private void closeDuring(String mode) throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        new SettingsStore(config)
                .save(
                        new AppSettings(
                                "random:tiny",
                                "ROMEO:",
                                0,
                                Preset.GENERAL.settings(),
                                25,
                                20,
                                1100,
                                700));
        Process p = start(mode, config);
        boolean exited = p.waitFor(60, TimeUnit.SECONDS);
        long end = System.nanoTime();
        if (!exited) {
            p.destroyForcibly();
        }
        String out = Files.readString(dir.resolve("out.txt"));
        String err = Files.readString(dir.resolve("err.txt"));
        assertThat(exited).as("exited; stdout %s stderr %s", out, err).isTrue();
        long closing =
                out.lines()
                        .filter(l -> l.startsWith("closing at "))
                        .mapToLong(l -> Long.parseLong(l.substring(11)))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("never closed: " + out + err));
        long returned =
                out.lines()
                        .filter(l -> l.startsWith("launch returned at "))
                        .mapToLong(l -> Long.parseLong(l.substring(19)))
                        .findFirst()
                        .orElse(closing);
        System.out.printf(
                "shutdown (%s): window close to app stopped %.0f ms, to process exit %.0f ms; %s%n",
                mode,
                (returned - closing) / 1e6,
                (end - closing) / 1e6,
                out.lines().filter(l -> l.startsWith("at close")).findFirst().orElse(""));
        assertThat(p.exitValue()).as("exit code; stderr %s", err).isZero();
        assertThat(out).contains("launch returned");
        if (!mode.equals("run")) {
            assertThat(out).as("the cache lab was running at close").contains("status=Running");
        }
        assertThat(err).doesNotContain("Exception").doesNotContain("SIGSEGV");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .noneMatch(n -> n.startsWith("hs_err"));
        }
        assertThat(Files.readString(config.resolve(SettingsStore.FILE_NAME)))
                .contains("random:tiny");
    }

    private Process start(String mode, Path config) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g"));
        for (String key :
                List.of(
                        "ai.djl.offline",
                        "ai.djl.pytorch.num_threads",
                        "ai.djl.pytorch.num_interop_threads",
                        "ai.djl.pytorch.graph_optimizer",
                        "prism.order",
                        "prism.text",
                        "glass.platform",
                        "monocle.platform",
                        "javafx.cachedir")) {
            String v = System.getProperty(key);
            if (v != null) {
                cmd.add("-D" + key + "=" + v);
            }
        }
        cmd.add("-Dsamplinglab.config.dir=" + config);
        cmd.add("-XX:ErrorFile=" + dir.resolve("hs_err_pid%p.log"));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path")));
        cmd.add(ShutdownProbe.class.getName());
        cmd.add(mode);
        return new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
    }
}
