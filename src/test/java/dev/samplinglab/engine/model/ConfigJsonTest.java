package dev.samplinglab.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigJsonTest {
    @TempDir Path dir;

    static ConfigJson json(String text) {
        return ConfigJson.parse(text, "x.json");
    }

    @Test
    void readsTypedValuesAndDefaults() {
        ConfigJson c =
                json(
                        """
                        {"n": 12, "eps": 1e-5, "name": "gelu_new", "tie": false,
                         "eos": [1, 2], "one": 7, "rope": {"factor": 8.0}, "none": null}""");
        assertThat(c.requiredInt("n", 1, 100)).isEqualTo(12);
        assertThat(c.optionalInt("absent", 5, 1, 100)).isEqualTo(5);
        assertThat(c.optionalDouble("eps", 1, 0, 1)).isEqualTo(1e-5);
        assertThat(c.requiredDouble("n", 0, 100)).isEqualTo(12.0);
        assertThat(c.optionalString("name", "x")).isEqualTo("gelu_new");
        assertThat(c.optionalBoolean("tie", true)).isFalse();
        assertThat(c.optionalIntOrIntList("eos", new int[0], 0, 9)).containsExactly(1, 2);
        assertThat(c.optionalIntOrIntList("one", new int[0], 0, 9)).containsExactly(7);
        assertThat(c.optionalIntOrIntList("absent", new int[] {3}, 0, 9)).containsExactly(3);
        assertThat(c.optionalObject("rope").orElseThrow().requiredDouble("factor", 1, 100))
                .isEqualTo(8.0);
        assertThat(c.optionalObject("none")).isEmpty();
        assertThat(c.optionalObject("absent")).isEmpty();
    }

    static Stream<Arguments> failures() {
        Function<ConfigJson, Object> n = c -> c.requiredInt("n", 1, 100);
        Function<ConfigJson, Object> eps = c -> c.optionalDouble("n", 0.5, 0, 1);
        Function<ConfigJson, Object> s = c -> c.optionalString("n", "x");
        Function<ConfigJson, Object> b = c -> c.optionalBoolean("n", true);
        Function<ConfigJson, Object> ids = c -> c.optionalIntOrIntList("n", null, 0, 9);
        Function<ConfigJson, Object> obj = c -> c.optionalObject("n");
        return Stream.of(
                Arguments.of("{}", n, "x.json: key 'n' is missing; expected an integer in 1..100"),
                Arguments.of(
                        "{\"n\": null}",
                        n,
                        "x.json: key 'n' is null; expected an integer in 1..100"),
                Arguments.of(
                        "{\"n\": \"12\"}",
                        n,
                        "x.json: key 'n' must be an integer in 1..100 (got \"12\")"),
                Arguments.of(
                        "{\"n\": 12.5}",
                        n,
                        "x.json: key 'n' must be an integer in 1..100 (got 12.5)"),
                Arguments.of(
                        "{\"n\": 12.0}",
                        n,
                        "x.json: key 'n' must be an integer in 1..100 (got 12.0)"),
                Arguments.of(
                        "{\"n\": -3}", n, "x.json: key 'n' must be an integer in 1..100 (got -3)"),
                Arguments.of(
                        "{\"n\": 99999999999999999999}",
                        n,
                        "x.json: key 'n' must be an integer in 1..100 (got 99999999999999999999)"),
                Arguments.of(
                        "{\"n\": true}",
                        n,
                        "x.json: key 'n' must be an integer in 1..100 (got true)"),
                Arguments.of(
                        "{\"n\": [1]}",
                        n,
                        "x.json: key 'n' must be an integer in 1..100 (got [1])"),
                Arguments.of(
                        "{\"n\": 2}",
                        eps,
                        "x.json: key 'n' must be a number in [0.0, 1.0] (got 2)"),
                Arguments.of(
                        "{\"n\": null}",
                        eps,
                        "x.json: key 'n' is null; expected a number in [0.0, 1.0]"),
                Arguments.of("{\"n\": 1}", s, "x.json: key 'n' must be a string (got 1)"),
                Arguments.of(
                        "{\"n\": \"yes\"}",
                        b,
                        "x.json: key 'n' must be true or false (got \"yes\")"),
                Arguments.of(
                        "{\"n\": []}",
                        ids,
                        "x.json: key 'n' must be an integer or a list of integers in 0..9 (got [])"),
                Arguments.of(
                        "{\"n\": [1, 10]}",
                        ids,
                        "x.json: key 'n' must be an integer in 0..9 (got 10)"),
                Arguments.of(
                        "{\"n\": 3}", obj, "x.json: key 'n' must be an object or null (got 3)"),
                Arguments.of(
                        "{\"n\": {\"m\": \"a\"}}",
                        (Function<ConfigJson, Object>)
                                c -> c.optionalObject("n").orElseThrow().requiredInt("m", 0, 1),
                        "x.json: n: key 'm' must be an integer in 0..1 (got \"a\")"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void eachFailureIsOneLineNamingFileAndKey(
            String text, Function<ConfigJson, Object> read, String message) {
        assertThatThrownBy(() -> read.apply(json(text)))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage(message);
    }

    @Test
    void refusesLenientJsonAndNonObjects() {
        assertThatThrownBy(() -> json("{n: 1}"))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith("x.json: not valid JSON");
        assertThatThrownBy(() -> json("{\"n\": NaN}")).isInstanceOf(ModelLoadException.class);
        assertThatThrownBy(() -> json("[1]"))
                .hasMessage("x.json: expected a JSON object at the top");
        assertThatThrownBy(() -> json("{\"n\": 1} trailing"))
                .isInstanceOf(ModelLoadException.class);
        assertThatThrownBy(() -> json("")).isInstanceOf(ModelLoadException.class);
    }

    @Test
    void readsFilesAndNamesMissingOnes() throws IOException {
        Path f = Files.writeString(dir.resolve("generation_config.json"), "{\"eos_token_id\": 2}");
        assertThat(ConfigJson.read(f).file()).isEqualTo("generation_config.json");
        assertThat(ConfigJson.readIfPresent(dir.resolve("nope.json"))).isEmpty();
        assertThatThrownBy(() -> ConfigJson.read(dir.resolve("config.json")))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("config.json is missing in " + dir);
    }
}
