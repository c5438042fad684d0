package dev.samplinglab.engine.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cache folder, endpoint, token and offline switch resolved as huggingface_hub does. */
class HubEnvironmentTest {
    private static final Path HOME = Path.of("/home/u");

    private static Map<String, String> vars(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @ParameterizedTest
    @CsvSource({
        "'', '', '', /home/u/.cache/huggingface/hub",
        "'', '', /xdg, /xdg/huggingface/hub",
        "'', /hf, /xdg, /hf/hub",
        "/c, /hf, /xdg, /c",
        "~/models, '', '', /home/u/models",
        "'', ~/hf, '', /home/u/hf/hub",
    })
    void cacheFolderFollowsThePrecedence(
            String hubCache, String hfHome, String xdg, String expected) {
        HubEnvironment e =
                HubEnvironment.of(
                        vars("HF_HUB_CACHE", hubCache, "HF_HOME", hfHome, "XDG_CACHE_HOME", xdg),
                        HOME);

        assertThat(e.cacheDir()).isEqualTo(Path.of(expected));
    }

    @Test
    void defaultsAreThePublicHubOnlineWithoutToken() {
        HubEnvironment e = HubEnvironment.of(Map.of(), Path.of("/nonexistent-home"));

        assertThat(e.endpoint()).isEqualTo("https://huggingface.co");
        assertThat(e.token()).isEmpty();
        assertThat(e.offline()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "1, true",
        "TRUE, true",
        "yes, true",
        "on, true",
        "0, false",
        "false, false",
        "'', false"
    })
    void offlineSwitch(String value, boolean offline) {
        assertThat(HubEnvironment.of(vars("HF_HUB_OFFLINE", value), HOME).offline())
                .isEqualTo(offline);
    }

    @Test
    void endpointLosesItsTrailingSlash() {
        assertThat(
                        HubEnvironment.of(vars("HF_ENDPOINT", "https://hf-mirror.com/"), HOME)
                                .endpoint())
                .isEqualTo("https://hf-mirror.com");
    }

    @Test
    void tokenFromVariableBeatsTheTokenFile(@TempDir Path home) throws IOException {
        Files.writeString(home.resolve("token"), " hf_file \n");

        assertThat(HubEnvironment.of(vars("HF_HOME", home.toString()), HOME).token())
                .hasValue("hf_file");
        assertThat(
                        HubEnvironment.of(
                                        vars("HF_HOME", home.toString(), "HF_TOKEN", "hf_var"),
                                        HOME)
                                .token())
                .hasValue("hf_var");
        assertThat(
                        HubEnvironment.of(
                                        vars("HF_HOME", home.toString(), "HF_TOKEN", "hf_var"),
                                        HOME)
                                .toString())
                .doesNotContain("hf_var");
    }

    @Test
    void systemPropertiesOverrideTheProcessEnvironment() {
        String key = HubEnvironment.PROPERTY_PREFIX + "HF_HUB_CACHE";
        String old = System.getProperty(key);
        System.setProperty(key, "/tmp/override-cache");
        try {
            assertThat(HubEnvironment.system().cacheDir())
                    .isEqualTo(Path.of("/tmp/override-cache"));
        } finally {
            if (old == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, old);
            }
        }
    }

    @Test
    void proxyFromTheEnvironmentSkipsLoopbackAndNoProxy() {
        HubEnvironment e =
                HubEnvironment.of(
                        vars("HTTPS_PROXY", "http://proxy.lan:3128", "NO_PROXY", "mirror.lan"),
                        HOME);
        var selector = HubProxy.of(e);

        assertThat(e.proxy()).isEqualTo(Optional.of("http://proxy.lan:3128"));
        assertThat(
                        selector.select(java.net.URI.create("https://huggingface.co/x"))
                                .get(0)
                                .address())
                .hasToString("proxy.lan/<unresolved>:3128");
        assertThat(selector.select(java.net.URI.create("http://127.0.0.1:8080/x")).get(0))
                .isEqualTo(java.net.Proxy.NO_PROXY);
        assertThat(selector.select(java.net.URI.create("https://a.mirror.lan/x")).get(0))
                .isEqualTo(java.net.Proxy.NO_PROXY);
    }

    @ParameterizedTest
    @CsvSource({
        "HuggingFaceTB/SmolLM2-135M, true",
        "gpt2, true",
        "a/b/c, false",
        "org--x/y, false",
        "org/../x, false",
        "/abs/path, false",
        "./model, false",
        "org/name-, false",
    })
    void repoIdsAreValidatedLikeHuggingfaceHub(String id, boolean valid) {
        assertThat(RepoId.isValid(id)).isEqualTo(valid);
    }

    @Test
    void repoFolderNamesRoundTrip() {
        RepoId r = new RepoId("Qwen/Qwen2.5-0.5B-Instruct");

        assertThat(r.folderName()).isEqualTo("models--Qwen--Qwen2.5-0.5B-Instruct");
        assertThat(RepoId.fromFolderName(r.folderName())).hasValue(r);
        assertThat(RepoId.fromFolderName("datasets--a--b")).isEmpty();
    }
}
