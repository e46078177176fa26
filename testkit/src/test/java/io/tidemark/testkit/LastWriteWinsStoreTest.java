package io.tidemark.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.tidemark.core.port.out.TrafficStore;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The history contract can fail: run on a store whose merge lets the last write win, it reports
 * failures, and exactly in the tests of the merge rule. The contract is run through the JUnit
 * Platform's engine test kit, so its failures are counted here instead of failing the build.
 */
class LastWriteWinsStoreTest {

    /**
     * The history contract on the last-write-wins store. Static and nested, so that Surefire
     * (which skips nested classes) never runs it on its own: only {@link #runContract} does.
     */
    static class HistoryContractOnLastWriteWins extends TrafficHistoryContract {
        @Override
        protected TrafficStore emptyStore() {
            return new LastWriteWinsStore();
        }
    }

    /** The same for the registry and snapshot contracts, which it does not break. */
    static class RegistryContractOnLastWriteWins extends RepositoryRegistryContract {
        @Override
        protected TrafficStore emptyStore() {
            return new LastWriteWinsStore();
        }
    }

    @Test
    void aLastWriteWinsMergeFailsTheHistoryContractInItsMergeTests() {
        Events tests = runContract(HistoryContractOnLastWriteWins.class);

        Set<String> failed = methodNames(tests.failed().list());
        System.out.println("last-write-wins store: " + tests.failed().count() + " of " + tests.finished().count()
                + " history contract tests failed: " + failed);
        assertThat(tests.failed().count()).isPositive();
        assertThat(failed).contains(
                "mergeOrderNeverMatters",
                "aLaterSmallerFigureNeverLowersAKeptOne",
                "mergeAllEqualsOneMergePerObservation",
                "parallelMergesOfTheSameBucketLoseNothing");
        assertThat(failed).doesNotContain(
                "anUnknownRepositoryIsRejectedBeforeAnythingIsWritten",
                "windowTotalsAreKeptOncePerFetchAndReadByFetchDay",
                "seriesReadsKnownRepositoriesByKeyAndOnlyTheRange",
                "nullArgumentsThrowNullPointerExceptionNamingThemAndWriteNothing");
        assertThat(tests.failed().list()).allSatisfy(event -> assertThat(throwableOf(event))
                .as("a failed assertion, not a crash").isInstanceOf(AssertionError.class));
    }

    @Test
    void theOtherContractsPassOnIt() {
        Events tests = runContract(RegistryContractOnLastWriteWins.class);

        assertThat(tests.finished().count()).isPositive();
        assertThat(methodNames(tests.failed().list())).isEmpty();
    }

    @Test
    void theOrderCheckFailsOnItForSomeSeed() {
        assertThatThrownBy(() -> {
            for (long seed = 1; seed <= 20; seed++) {
                TrafficHistoryContract.assertMergeOrderNeverMatters(new LastWriteWinsStore(), seed);
            }
        }).isInstanceOf(AssertionError.class);
    }

    private static Events runContract(Class<?> contract) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract)).execute().testEvents();
    }

    private static Set<String> methodNames(List<Event> events) {
        Set<String> names = new TreeSet<>();
        for (Event event : events) {
            event.getTestDescriptor().getSource()
                    .filter(MethodSource.class::isInstance)
                    .map(source -> ((MethodSource) source).getMethodName())
                    .ifPresent(names::add);
        }
        return names;
    }

    private static Throwable throwableOf(Event event) {
        return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow();
    }
}
