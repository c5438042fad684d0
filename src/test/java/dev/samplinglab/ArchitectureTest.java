package dev.samplinglab;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.samplinglab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest static final ArchRule layers = ArchitectureRules.LAYERS;

    @ArchTest static final ArchRule engineHasNoJavaFx = ArchitectureRules.ENGINE_WITHOUT_UI;

    @ArchTest static final ArchRule samplingIsPureJava = ArchitectureRules.SAMPLING_WITHOUT_DJL;

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = ArchitectureRules.noCycles("dev.samplinglab");
}
