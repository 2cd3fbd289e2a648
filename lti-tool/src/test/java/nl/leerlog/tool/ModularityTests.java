package nl.leerlog.tool;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The application's feature packages (launch, programme, learninglog, ...) and the LTI library's packages (login,
 * launch, session, claims, ...) each form a graph without cycles, and the one place that decides whose private
 * records a request touches depends on no feature.
 */
class ModularityTests {

    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.leerlog.tool");

    @Test
    void featurePackagesDependOnEachOtherWithoutCycles() {
        slices().matching("nl.leerlog.tool.(*)..").should().beFreeOfCycles().check(APPLICATION);
    }

    @Test
    void ltiLibraryPackagesDependOnEachOtherWithoutCycles() {
        JavaClasses library = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/nl/leerlog/lti/testing/"))
                .importPackages("nl.leerlog.lti");

        slices().matching("nl.leerlog.lti.(*)..").should().beFreeOfCycles().check(library);
    }

    @Test
    void theOwnershipRuleDependsOnNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("nl.leerlog.tool.privacy..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "nl.leerlog.tool.learninglog..",
                        "nl.leerlog.tool.reflection..",
                        "nl.leerlog.tool.saved..",
                        "nl.leerlog.tool.programme..",
                        "nl.leerlog.tool.internship..",
                        "nl.leerlog.tool.admin..")
                .check(APPLICATION);
    }
}
