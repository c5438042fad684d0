package dev.samplinglab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers: cli → app → engine, the engine free of JavaFX, the sampling pipeline free of DJL, and
 * no cycles between packages. {@link ArchitectureTest} checks them on the product; {@link
 * ArchitectureRulesTest} shows each failing on a small fixture that breaks it.
 */
final class ArchitectureRules {
    private ArchitectureRules() {}

    static final ArchRule LAYERS =
            layeredArchitecture()
                    .consideringOnlyDependenciesInLayers()
                    .layer("cli")
                    .definedBy("..cli..")
                    .layer("app")
                    .definedBy("..app..")
                    .layer("engine")
                    .definedBy("..engine..")
                    .whereLayer("cli")
                    .mayNotBeAccessedByAnyLayer()
                    .whereLayer("app")
                    .mayOnlyBeAccessedByLayers("cli")
                    .whereLayer("engine")
                    .mayOnlyBeAccessedByLayers("cli", "app")
                    .because("the command line starts the app, and both drive the engine");

    static final ArchRule ENGINE_WITHOUT_UI =
            noClasses()
                    .that()
                    .resideInAPackage("..engine..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("javafx..", "org.controlsfx..")
                    .because("the engine must run without a UI toolkit");

    static final ArchRule SAMPLING_WITHOUT_DJL =
            noClasses()
                    .that()
                    .resideInAPackage("..engine.sampling..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("ai.djl..")
                    .because("the sampling pipeline works on float[] only");

    /** Each package is a slice; no two depend on each other, directly or around a loop. */
    static ArchRule noCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }
}
