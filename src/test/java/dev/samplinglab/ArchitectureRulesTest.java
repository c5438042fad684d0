package dev.samplinglab;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The architecture rules catch what they are for: each one, run over the fixture package {@code
 * dev.samplinglab.archfixture} (which breaks every rule once, on purpose), reports the violation
 * naming the offending class.
 */
class ArchitectureRulesTest {
    private static final String FIXTURE = "dev.samplinglab.archfixture";
    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(FIXTURE);

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("layers", ArchitectureRules.LAYERS, "EngineCallsApp"),
                Arguments.of(
                        "engine without UI", ArchitectureRules.ENGINE_WITHOUT_UI, "EngineDrawsFx"),
                Arguments.of(
                        "sampling without DJL",
                        ArchitectureRules.SAMPLING_WITHOUT_DJL,
                        "SamplingUsesDjl"),
                Arguments.of("no cycles", ArchitectureRules.noCycles(FIXTURE), "cycle.a.Ping"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleFailsOnTheFixtureThatBreaksIt(String name, ArchRule rule, String offender) {
        EvaluationResult result = rule.evaluate(CLASSES);
        assertThat(result.hasViolation()).as(name).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .as(name)
                .anyMatch(line -> line.contains(offender));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theFixtureWithoutItsViolationsPasses(String name, ArchRule rule, String offender) {
        JavaClasses clean =
                new ClassFileImporter()
                        .importClasses(
                                dev.samplinglab.archfixture.cli.Command.class,
                                dev.samplinglab.archfixture.app.Window.class,
                                dev.samplinglab.archfixture.engine.Model.class);
        assertThat(rule.allowEmptyShould(true).evaluate(clean).hasViolation()).as(name).isFalse();
    }
}
