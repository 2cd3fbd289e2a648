package nl.leerlog.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * Every feature is an application module: its API at its top package, the rest in {@code internal}, and no
 * module reaches into another's internals or tables. The fixtures under {@code nl.leerlog.fixture} plant one
 * violation of each kind, to prove the checks would catch it. The module diagrams go to {@code src/docs/modules}.
 */
class ApplicationModulesTests {

    static final ApplicationModules MODULES = ApplicationModules.of(LeerlogApplication.class);

    @Test
    void modulesUseOnlyEachOthersApiAndDependOnEachOtherWithoutCycles() {
        MODULES.verify();
    }

    @Test
    void theModuleCheckCatchesAModuleThatUsesAnotherModulesInternals() {
        // The fixtures live with the tests, which a module scan leaves out unless told otherwise.
        ApplicationModules planted = ApplicationModules.of("nl.leerlog.fixture.modules", location -> true);

        assertThatThrownBy(planted::verify)
                .isInstanceOf(Violations.class)
                .hasMessageContaining("ReachesIntoTheCatalog")
                .hasMessageContaining("CatalogRows");
    }

    @Test
    void onlyTheOwningModuleUsesAGeneratedTable() {
        JavaClasses application = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.leerlog.tool");

        TableOwnership.onlyTheOwningModuleUsesATable("nl.leerlog.tool").check(application);
    }

    @Test
    void theTableRuleCatchesAModuleThatReadsAnotherModulesTable() {
        JavaClasses planted = new ClassFileImporter().importPackages("nl.leerlog.fixture.tables");

        EvaluationResult result = TableOwnership.onlyTheOwningModuleUsesATable("nl.leerlog.fixture.tables")
                .evaluate(planted);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .singleElement()
                .asString()
                .contains("ReadsMomentsDirectly", "module 'saved'", "LearningMoment", "module 'learninglog'");
    }

    @Test
    void everyGeneratedTableHasAnOwningModule() {
        Set<String> generated = new ClassFileImporter()
                .importPackages(TableOwnership.TABLES).stream()
                        .filter(type -> type.getPackageName().equals(TableOwnership.TABLES))
                        .filter(type -> type.getEnclosingClass().isEmpty())
                        .map(JavaClass::getSimpleName)
                        .collect(Collectors.toSet());

        assertThat(generated).isNotEmpty();
        assertThat(TableOwnership.ownerByTable().keySet()).containsExactlyInAnyOrderElementsOf(generated);
    }

    @Test
    void theModuleDiagramsAreWrittenToTheDocs() {
        Path folder = Path.of("..", "src", "docs", "modules");

        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();

        assertThat(folder.resolve("components.puml")).exists();
        assertThat(MODULES.stream())
                .allSatisfy(
                        module -> assertThat(Files.exists(folder.resolve("module-" + module.getIdentifier() + ".puml")))
                                .isTrue());
    }
}
