package dev.samplinglab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.samplinglab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engineHasNoJavaFx =
            noClasses()
                    .that()
                    .resideInAPackage("..engine..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("javafx..", "org.controlsfx..", "..app..")
                    .because("the engine must run without a UI toolkit");

    @ArchTest
    static final ArchRule samplingIsPureJava =
            noClasses()
                    .that()
                    .resideInAPackage("..engine.sampling..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("ai.djl..")
                    .because("the sampling pipeline works on float[] only");
}
