package dev.samplinglab.cli;

import dev.samplinglab.engine.hub.CancelSignal;
import dev.samplinglab.engine.hub.DownloadProgress;
import dev.samplinglab.engine.hub.DownloadResult;
import dev.samplinglab.engine.hub.HubDownloader;
import dev.samplinglab.engine.hub.HubEnvironment;
import dev.samplinglab.engine.hub.RepoId;
import dev.samplinglab.engine.hub.Sizes;
import dev.samplinglab.engine.io.ProgressLine;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code download REPO_ID}: fetches what the app needs of a Hugging Face model repository into the
 * shared hub cache, with a progress bar; Ctrl+C keeps the partial file for a resume.
 */
@Command(
        name = "download",
        mixinStandardHelpOptions = true,
        description = {
            "Download a model from the Hugging Face Hub into the shared cache (config, tokenizer,"
                    + " safetensors weights).",
            "Respects HF_HUB_CACHE / HF_HOME, HF_ENDPOINT (mirrors), HF_TOKEN (gated models),"
                    + " HF_HUB_OFFLINE and the system proxy."
        })
public final class DownloadCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            paramLabel = "REPO_ID",
            description = "e.g. HuggingFaceTB/SmolLM2-135M")
    String repo;

    @Option(names = "--revision", description = "branch, tag or commit (default ${DEFAULT-VALUE})")
    String revision = "main";

    @Option(names = "--cache-dir", description = "cache folder (default: the Hugging Face cache)")
    Path cacheDir;

    @Override
    public Integer call() {
        RepoId id = new RepoId(repo);
        HubEnvironment env = HubEnvironment.system();
        if (cacheDir != null) {
            env = env.withCacheDir(cacheDir);
        }
        CancelSignal cancel = new CancelSignal();
        Thread hook = new Thread(cancel::cancel, "download-cancel");
        java.lang.Runtime.getRuntime().addShutdownHook(hook);
        ProgressLine bar = new ProgressLine(System.err);
        try {
            DownloadResult r =
                    new HubDownloader(env).download(id, revision, p -> show(bar, p), cancel);
            bar.finish();
            System.out.printf(
                    "%s (%s) is in %s%n  fetched %s; open it with --model %s%n",
                    id,
                    r.commit().substring(0, 12),
                    r.snapshotDir(),
                    Sizes.bytes(r.fetchedBytes()),
                    revision.equals("main") ? id : "%s@%s".formatted(id, revision));
            return 0;
        } finally {
            bar.finish();
            removeHook(hook);
        }
    }

    /** The current file (or what is happening), the share of all bytes, rate and time left. */
    private static void show(ProgressLine bar, DownloadProgress p) {
        if (p.total() > 0) {
            bar.update(p.file().isEmpty() ? p.status() : p.file(), p.fraction(), p.line());
        }
    }

    private static void removeHook(Thread hook) {
        try {
            java.lang.Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // the JVM is shutting down: the hook has run
        }
    }
}
