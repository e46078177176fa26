package io.tidemark.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hexagonal architecture as executable rules, over the production classes of every module.
 * Every rule fails when it selects no classes ({@code archunit.properties}), so a rule that checks
 * nothing, for example after a package is renamed, is a failure rather than a silent pass.
 */
class ArchitectureTest {

    static final String CORE = "io.tidemark.core..";
    static final String GITHUB = "io.tidemark.github..";
    static final String STORAGE = "io.tidemark.storage..";
    static final String APP = "io.tidemark.app..";
    static final String SIMULATOR = "io.tidemark.simulator..";
    static final String BENCHMARKS = "io.tidemark.bench..";

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tidemark");
    }

    @ParameterizedTest
    @ValueSource(strings = {"io.tidemark.core", "io.tidemark.github", "io.tidemark.storage", "io.tidemark.app",
        "io.tidemark.simulator", "io.tidemark.bench"})
    void everyModuleIsImported(String rootPackage) {
        assertThat(production.stream().filter(c -> c.getPackageName().startsWith(rootPackage)))
                .as("classes of %s on the classpath", rootPackage)
                .isNotEmpty();
    }

    @Test
    void coreDependsOnTheJdkOnly() {
        classes().that().resideInAPackage(CORE)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", CORE)
                .because("core is the pure domain: no framework, CDI, Jakarta or MicroProfile types")
                .check(production);
    }

    @Test
    void theGitHubAdapterDependsOnNoOtherAdapterNorTheApp() {
        noClasses().that().resideInAPackage(GITHUB)
                .should().dependOnClassesThat().resideInAnyPackage(STORAGE, APP, SIMULATOR)
                .check(production);
    }

    @Test
    void theStorageAdapterDependsOnNoOtherAdapterNorTheApp() {
        noClasses().that().resideInAPackage(STORAGE)
                .should().dependOnClassesThat().resideInAnyPackage(GITHUB, APP, SIMULATOR)
                .check(production);
    }

    @Test
    void nothingDependsOnTheApp() {
        noClasses().that().resideOutsideOfPackage(APP)
                .should().dependOnClassesThat().resideInAPackage(APP)
                .check(production);
    }

    @Test
    void theSimulatorIsIndependentOfTidemark() {
        noClasses().that().resideInAPackage(SIMULATOR)
                .should().dependOnClassesThat().resideInAnyPackage(CORE, GITHUB, STORAGE, APP)
                .because("the simulator is a fake GitHub; sharing Tidemark's code would let both be wrong alike")
                .check(production);
        noClasses().that().resideOutsideOfPackages(SIMULATOR, BENCHMARKS)
                .should().dependOnClassesThat().resideInAPackage(SIMULATOR)
                .because("the simulator is test support, never part of what ships")
                .check(production);
    }

    @Test
    void nothingDependsOnTheBenchmarks() {
        noClasses().that().resideOutsideOfPackage(BENCHMARKS)
                .should().dependOnClassesThat().resideInAPackage(BENCHMARKS)
                .check(production);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.tidemark.(**)").should().beFreeOfCycles().check(production);
    }

    @Test
    void dependenciesAreInjectedThroughConstructors() {
        fields().should().notBeAnnotatedWith("jakarta.inject.Inject")
                .andShould().notBeAnnotatedWith("org.eclipse.microprofile.config.inject.ConfigProperty")
                .because("constructor injection keeps beans immutable and testable without a container")
                .check(production);
        methods().that().areNotDeclaredIn(Object.class)
                .should().notBeAnnotatedWith("jakarta.inject.Inject")
                .check(production);
    }

    @Test
    void eachKindOfTypeLivesInItsAdapter() {
        classes().that().areAnnotatedWith("jakarta.persistence.Entity")
                .should().resideInAPackage(STORAGE)
                .check(production);
        classes().that().areAnnotatedWith("org.eclipse.microprofile.rest.client.inject.RegisterRestClient")
                .should().resideInAPackage(GITHUB)
                .andShould().notBePublic()
                .because("the REST client is an implementation detail wrapped by the public TrafficSource")
                .check(production);
    }

    @Test
    void portsArePublicInterfaces() {
        classes().that().resideInAPackage("io.tidemark.core.port..")
                .and().haveSimpleNameEndingWith("UseCase")
                .or().haveSimpleName("TrafficSource")
                .or().haveSimpleName("TrafficStore")
                .should().beInterfaces().andShould().bePublic()
                .check(production);
    }

    @Test
    void aRuleThatSelectsNoClassesFails() {
        ArchRule nothing = noClasses().that().resideInAPackage("io.tidemark.nonexistent..")
                .should().dependOnClassesThat().resideInAPackage(APP);

        assertThatThrownBy(() -> nothing.check(production))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }
}
