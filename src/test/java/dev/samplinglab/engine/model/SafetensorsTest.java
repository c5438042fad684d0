package dev.samplinglab.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SafetensorsTest {
    static final ModelConfig CONFIG = new ModelConfig(2, 2, 8, 16, 20, 1e-5, 19, 19);

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(DType.class)
    void roundTripsEachDtype(DType dtype) throws IOException {
        float[] data = {0f, 1f, -2.5f, 0.1f, 65504f, -1e-3f};
        Path file = dir.resolve("t.safetensors");
        new SafetensorsWriter(dtype).add("x", new long[] {2, 3}, data).write(file);
        try (SafetensorsFile f = SafetensorsFile.open(file)) {
            assertThat(f.tensors().get("x").dtype()).isEqualTo(dtype);
            assertThat(f.tensors().get("x").shape()).containsExactly(2, 3);
            float[] back = f.readFloats("x");
            double tol = dtype == DType.F32 ? 0 : dtype == DType.F16 ? 1e-3 : 1e-2;
            for (int i = 0; i < data.length; i++) {
                assertThat((double) back[i])
                        .isCloseTo(
                                data[i],
                                org.assertj.core.data.Offset.offset(
                                        Math.abs(data[i]) * tol + 1e-6));
            }
        }
    }

    @Test
    void halfPrecisionConversionIsExactOnRepresentableValues() {
        for (float f : new float[] {0f, -0f, 1f, -2f, 0.5f, 65504f, 6.1035156e-5f, 5.9604645e-8f}) {
            assertThat(DType.halfToFloat(DType.floatToHalf(f))).isEqualTo(f);
        }
        assertThat(DType.halfToFloat((short) 0x7c00)).isEqualTo(Float.POSITIVE_INFINITY);
    }

    @ParameterizedTest
    @CsvSource({"'', F32", "'transformer.', F32", "'', F16", "'transformer.', BF16"})
    void hfNamedFolderLoadsWithAndWithoutPrefix(String prefix, DType dtype) throws IOException {
        try (GptModel original = GptModel.random(CONFIG, 5)) {
            Path saved = dir.resolve("plain.safetensors");
            WeightLoader.save(original.weights(), CONFIG, saved, DType.F32);
            Path model = dir.resolve("m");
            Files.createDirectories(model);
            copyWithPrefix(saved, model.resolve("model.safetensors"), prefix, dtype);
            Files.writeString(model.resolve("config.json"), CONFIG.toJson().toString());
            try (GptModel loaded = GptModel.load(model)) {
                int[] tokens = {1, 5, 7, 3};
                double tol = dtype == DType.F32 ? 1e-6 : 0.05;
                assertThat(
                                GptModelTest.maxAbsDiff(
                                        original.logitsAllPositions(tokens),
                                        loaded.logitsAllPositions(tokens)))
                        .isLessThan(tol);
            }
        }
    }

    @Test
    void missingTensorIsNamed() throws IOException {
        Path model = folderWith(w -> w.add("wte.weight", new long[] {20, 8}, new float[160]));
        assertThatThrownBy(() -> GptModel.load(model))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("model.safetensors")
                .hasMessageContaining("'wpe.weight' is missing");
    }

    @Test
    void wrongShapeIsNamed() throws IOException {
        Path model = folderWith(w -> w.add("wte.weight", new long[] {21, 8}, new float[168]));
        assertThatThrownBy(() -> GptModel.load(model))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("'wte.weight' has shape [21, 8], expected [20, 8]");
    }

    @ParameterizedTest
    @CsvSource({"0", "-1", "999999"})
    void badHeaderLengthIsRefused(long length) throws IOException {
        Path file = dir.resolve("bad.safetensors");
        ByteBuffer b =
                ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(length).putLong(0);
        Files.write(file, b.array());
        assertThatThrownBy(() -> SafetensorsFile.open(file))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("header length");
    }

    @Test
    void rangesOutsideDataAndOverlapsAreRefused() {
        String outside = "{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}";
        assertThatThrownBy(() -> SafetensorsFile.parseHeader(outside, 8, "m.safetensors"))
                .hasMessageContaining("outside the data section");
        String overlap =
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}";
        assertThatThrownBy(() -> SafetensorsFile.parseHeader(overlap, 16, "m.safetensors"))
                .hasMessageContaining("overlap");
        String dtype = "{\"a\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}";
        assertThatThrownBy(() -> SafetensorsFile.parseHeader(dtype, 8, "m.safetensors"))
                .hasMessageContaining("supported: F32, F16, BF16");
        String size = "{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}";
        assertThatThrownBy(() -> SafetensorsFile.parseHeader(size, 8, "m.safetensors"))
                .hasMessageContaining("byte range is 8 bytes");
        assertThatThrownBy(() -> SafetensorsFile.parseHeader("{\"a\":1,}", 8, "m.safetensors"))
                .hasMessageContaining("not valid JSON");
    }

    private Path folderWith(java.util.function.Consumer<SafetensorsWriter> fill)
            throws IOException {
        Path model = dir.resolve("broken");
        Files.createDirectories(model);
        SafetensorsWriter w = new SafetensorsWriter(DType.F32);
        fill.accept(w);
        w.write(model.resolve("model.safetensors"));
        Files.writeString(model.resolve("config.json"), CONFIG.toJson().toString());
        return model;
    }

    /** Rewrites a file with every tensor renamed to prefix + name and converted to dtype. */
    private static void copyWithPrefix(Path from, Path to, String prefix, DType dtype)
            throws IOException {
        SafetensorsWriter w = new SafetensorsWriter(dtype);
        try (SafetensorsFile f = SafetensorsFile.open(from)) {
            for (TensorInfo info : f.tensors().values()) {
                w.add(prefix + info.name(), info.shape(), f.readFloats(info.name()));
            }
        }
        w.write(to);
        assertThat(new String(Files.readAllBytes(to), 8, 40, StandardCharsets.UTF_8))
                .startsWith("{");
    }
}
