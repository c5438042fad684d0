package dev.samplinglab.engine.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFingerprintTest {

    /** FIPS 180-2 appendix B.1: SHA-256("abc"). */
    @Test
    void hashesAFolderModelsWeightsWithSha256(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("model.safetensors"), "abc", StandardCharsets.US_ASCII);
        List<Double> progress = new ArrayList<>();
        ModelReference ref = ModelFingerprint.of(dir.toString(), progress::add);
        assertThat(ref.spec()).isEqualTo(dir.toString());
        assertThat(ref.weights())
                .containsExactly(
                        new WeightsFile(
                                "model.safetensors",
                                3,
                                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        assertThat(progress).last().isEqualTo(1.0);
    }

    @Test
    void shardsAreTheFilesTheIndexNamesSortedOnce(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("model.safetensors.index.json"),
                "{\"weight_map\": {\"b\": \"model-00002-of-00002.safetensors\","
                        + " \"a\": \"model-00001-of-00002.safetensors\","
                        + " \"c\": \"model-00002-of-00002.safetensors\"}}");
        Files.writeString(dir.resolve("model-00001-of-00002.safetensors"), "");
        Files.writeString(dir.resolve("model-00002-of-00002.safetensors"), "abc");
        ModelReference ref = ModelFingerprint.of(dir.toString(), p -> {});
        assertThat(ref.weights())
                .extracting(WeightsFile::file, WeightsFile::sha256)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "model-00001-of-00002.safetensors",
                                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                        org.assertj.core.groups.Tuple.tuple(
                                "model-00002-of-00002.safetensors",
                                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    @Test
    void randomWeightsHaveNoFile() {
        assertThat(ModelFingerprint.of("random:tiny", p -> {}).weights()).isEmpty();
    }

    @Test
    void theBundledModelHasOneHashedFile() {
        ModelReference ref = ModelFingerprint.of("bundled", p -> {});
        assertThat(ref.spec()).isEqualTo("bundled");
        assertThat(ref.weights())
                .singleElement()
                .satisfies(w -> assertThat(w.bytes()).isPositive());
    }

    @Test
    void aMissingFolderOrBundledModelIsAMissingModel(@TempDir Path dir) {
        assertThatThrownBy(() -> ModelFingerprint.of(dir.resolve("gone").toString(), p -> {}))
                .isInstanceOf(ModelFingerprint.MissingModelException.class)
                .hasMessageContaining("not on this computer");
        assertThatThrownBy(() -> ModelFingerprint.of("bundled:nope", p -> {}))
                .isInstanceOf(ModelFingerprint.MissingModelException.class)
                .hasMessageContaining("not part of this installation");
        assertThatThrownBy(() -> ModelFingerprint.of(dir.toString(), p -> {}))
                .isInstanceOf(ModelFingerprint.MissingModelException.class)
                .hasMessageContaining("no model.safetensors");
    }
}
