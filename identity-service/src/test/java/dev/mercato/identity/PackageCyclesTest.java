package dev.mercato.identity;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Identity's capabilities depend on each other in one direction only: a cycle between two packages means
 * neither can be understood, tested or moved without the other.
 */
@AnalyzeClasses(packages = "dev.mercato.identity", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.mercato.identity.(*)..")
            .should().beFreeOfCycles();
}
