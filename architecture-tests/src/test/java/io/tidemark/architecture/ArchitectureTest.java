package io.tidemark.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Set;
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
    static final String TESTKIT = "io.tidemark.testkit..";
    static final String MODEL = "io.tidemark.core.model..";
    static final String PORT_IN = "io.tidemark.core.port.in..";
    static final String PORT_OUT = "io.tidemark.core.port.out..";
    static final String SERVICE = "io.tidemark.core.service..";
    static final String WIRING = "io.tidemark.app.wiring..";

    /** The top-level packages that are not adapters: everything else under io.tidemark is one. */
    static final Set<String> NOT_ADAPTERS = Set.of("core", "app", "simulator", "bench", "architecture", "testkit");

    /** The adapter a class belongs to (its package under io.tidemark), or null for the others. */
    static String adapterOf(JavaClass javaClass) {
        String name = javaClass.getPackageName();
        if (!name.startsWith("io.tidemark.")) {
            return null;
        }
        String top = name.substring("io.tidemark.".length()).split("\\.", 2)[0];
        return NOT_ADAPTERS.contains(top) ? null : top;
    }

    static final DescribedPredicate<JavaClass> IN_AN_ADAPTER =
            DescribedPredicate.describe("are in an adapter (any package under io.tidemark but core, app,"
                    + " simulator, bench and testkit)", javaClass -> adapterOf(javaClass) != null);

    static final SliceAssignment ADAPTER_SLICES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String adapter = adapterOf(javaClass);
            return adapter == null ? SliceIdentifier.ignore() : SliceIdentifier.of("adapter " + adapter);
        }

        @Override
        public String getDescription() {
            return "adapters (each package under io.tidemark but core, app, simulator, bench and testkit)";
        }
    };

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tidemark");
    }

    @ParameterizedTest
    @ValueSource(strings = {"io.tidemark.core", "io.tidemark.github", "io.tidemark.storage", "io.tidemark.app",
        "io.tidemark.simulator", "io.tidemark.bench", "io.tidemark.testkit", "io.tidemark.imports"})
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

    static final ArchRule ADAPTERS_ARE_INDEPENDENT = slices().assignedFrom(ADAPTER_SLICES)
            .should().notDependOnEachOther()
            .because("each adapter maps its own types to and from core's; a new adapter package is covered unnamed");

    static final ArchRule APP_USES_IN_PORTS = noClasses().that().resideInAPackage(APP).and().resideOutsideOfPackage(WIRING)
            .should().dependOnClassesThat().resideInAnyPackage(PORT_OUT, SERVICE)
            .because("the API, scheduler and health checks drive the core through its use cases;"
                    + " only the wiring (CDI producers) knows the services and the out-ports");

    @Test
    void adaptersNeverDependOnEachOther() {
        ADAPTERS_ARE_INDEPENDENT.check(production);
    }

    @Test
    void adaptersDependOnCoreNeverOnTheAppTheSimulatorOrTheBenchmarks() {
        noClasses().that(IN_AN_ADAPTER)
                .should().dependOnClassesThat().resideInAnyPackage(APP, SIMULATOR, BENCHMARKS)
                .check(production);
        noClasses().that(IN_AN_ADAPTER)
                .should().dependOnClassesThat().resideInAPackage(SERVICE)
                .because("adapters implement out-ports; the services are wired by the application")
                .check(production);
    }

    @Test
    void coreIsLayeredModelThenPortsThenServices() {
        noClasses().that().resideInAPackage(MODEL)
                .should().dependOnClassesThat().resideInAnyPackage(PORT_IN, PORT_OUT, SERVICE)
                .check(production);
        noClasses().that().resideInAPackage(PORT_IN)
                .should().dependOnClassesThat().resideInAnyPackage(PORT_OUT, SERVICE)
                .because("in-ports speak in the model and their own outcomes, never in out-port types")
                .check(production);
        noClasses().that().resideInAPackage(PORT_OUT)
                .should().dependOnClassesThat().resideInAnyPackage(PORT_IN, SERVICE)
                .check(production);
    }

    @Test
    void theApplicationUsesInPortsAndTheModelAndOnlyItsWiringKnowsMore() {
        APP_USES_IN_PORTS.check(production);
    }

    @Test
    void theRulesJudgePackagesThatDoNotExistYet() {
        JavaClasses newCode = new ClassFileImporter().importClasses(
                io.tidemark.app.newfeature.UsesTheStoreDirectly.class,
                io.tidemark.imports.UsesTheGitHubAdapter.class,
                io.tidemark.github.GitHubTrafficSource.class,
                io.tidemark.core.port.out.TrafficStore.class);
        assertThat(APP_USES_IN_PORTS.evaluate(newCode).hasViolation())
                .as("a new app package that uses an out-port").isTrue();
        assertThat(ADAPTERS_ARE_INDEPENDENT.evaluate(newCode).hasViolation())
                .as("a new adapter that uses another adapter").isTrue();
    }

    @Test
    void servicesAreUsedOnlyByTheWiring() {
        noClasses().that().resideOutsideOfPackages(SERVICE, WIRING, BENCHMARKS)
                .should().dependOnClassesThat().resideInAPackage(SERVICE)
                .because("the benchmarks wire the services themselves, like the application's wiring")
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
    void theTestKitIsTestSupportOverCoreOnly() {
        classes().that().resideInAPackage(TESTKIT)
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", CORE, TESTKIT, "org.junit..", "org.assertj..")
                .because("the contract suites judge adapters through the ports alone; they may use no adapter")
                .check(production);
        noClasses().that().resideOutsideOfPackage(TESTKIT)
                .should().dependOnClassesThat().resideInAPackage(TESTKIT)
                .because("the test kit is test support (adapters depend on it with test scope), never part of what ships")
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
        classes().that().resideInAPackage(PORT_IN)
                .and().haveSimpleNameEndingWith("UseCase")
                .should().beInterfaces().andShould().bePublic()
                .check(production);
        OUT_PORTS_ARE_PUBLIC_INTERFACES.check(production);
    }

    /**
     * Every top-level type of {@code core.port.out} is a port, hence a public interface, except
     * the values ports exchange: records and the failures they throw. A new port is covered
     * without naming it.
     */
    static final ArchRule OUT_PORTS_ARE_PUBLIC_INTERFACES = classes().that().resideInAPackage(PORT_OUT)
            .and().areTopLevelClasses()
            .and().areNotRecords()
            .and().areNotAssignableTo(Throwable.class)
            .should().beInterfaces().andShould().bePublic()
            .because("adapters implement out-ports; a class there would be an implementation in core");

    @Test
    void theOutPortRuleCoversEveryStoreRole() {
        JavaClasses ports = new ClassFileImporter().importClasses(
                io.tidemark.core.port.out.RepositoryRegistry.class,
                io.tidemark.core.port.out.TrafficHistory.class,
                io.tidemark.core.port.out.SnapshotStore.class,
                io.tidemark.core.port.out.TrafficStore.class,
                io.tidemark.core.port.out.TrafficSource.class,
                io.tidemark.core.port.out.SourceFailure.class,
                io.tidemark.core.port.out.NotAPort.class);
        assertThat(OUT_PORTS_ARE_PUBLIC_INTERFACES.evaluate(ports).getFailureReport().getDetails())
                .as("only the class posing as a port fails")
                .singleElement().asString().contains(io.tidemark.core.port.out.NotAPort.class.getName());
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
