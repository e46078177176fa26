package io.tidemark.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.tidemark.core.model.ArchiveFile;
import io.tidemark.core.model.ArchiveFormatException;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.HistoryFact;
import io.tidemark.core.model.KeptBucket;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.port.out.HistoryArchive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The archive contract can fail: run on a toy archive that breaks each rule, it fails exactly the
 * tests of those rules; run on the same archive done right, it passes. The toy format is a file
 * {@code *.toy} whose first line is {@code toy} and whose other lines are {@code day,count,uniques}.
 */
class HistoryArchiveContractCanFailTest {

    static final RepositoryId TOY = RepositoryId.of("octo", "toy");

    /** The toy format read right, or with every fault a careless archive could have. */
    static final class ToyArchive implements HistoryArchive {
        private final boolean careless;
        private final AtomicInteger reads = new AtomicInteger();

        ToyArchive(boolean careless) {
            this.careless = careless;
        }

        @Override
        public Set<String> formats() {
            return Set.of("toy");
        }

        @Override
        public Optional<String> recognise(ArchiveFile file) {
            if (careless) {
                return Optional.of("toy"); // takes the caller's word for everything
            }
            try {
                return file.name().endsWith(".toy") && file.readable()
                        && Files.readAllLines(file.content()).stream().findFirst().orElse("").equals("toy")
                        ? Optional.of("toy") : Optional.empty();
            } catch (IOException unreadable) {
                return Optional.empty();
            }
        }

        @Override
        public void read(ArchiveFile file, String format, RepositoryId repository, Consumer<HistoryFact> facts) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file.content());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int read = reads.incrementAndGet();
            for (int i = 1; i < lines.size(); i++) {
                String[] cells = lines.get(i).split(",");
                int count;
                try {
                    count = Integer.parseInt(cells[1]);
                } catch (NumberFormatException notANumber) {
                    throw new ArchiveFormatException(file.name(), careless ? 0 : i + 1, 2, "not a whole number");
                }
                // careless: a figure that drifts from read to read, and buckets claimed complete
                int uniques = Integer.parseInt(cells[2]) - (careless ? read % 2 : 0);
                HistoryFact fact = new HistoryFact.Bucket(TOY, TrafficKind.VIEWS, Granularity.DAY,
                        new KeptBucket(LocalDate.parse(cells[0]), count, Math.max(uniques, 0), careless));
                if (careless) {
                    try {
                        facts.accept(fact);
                    } catch (RuntimeException fromTheConsumer) {
                        throw new ArchiveFormatException(file.name(), i + 1, 0, "could not keep the line");
                    }
                } else {
                    facts.accept(fact);
                }
            }
        }
    }

    abstract static class ToyContract extends HistoryArchiveContract {
        @Override
        protected List<ArchiveFile> sampleFiles() {
            try {
                return List.of(write("octo/toy/views.toy", "toy\n2024-01-01,3,2\n2024-01-02,5,5\n"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        protected boolean provesCompleteness() {
            return false;
        }

        @Override
        protected ArchiveFile fileWithMalformedFigure(Path folder) throws IOException {
            return write("octo/toy/bad.toy", "toy\n2024-01-01,3,2\n2024-01-02,12.5,2\n");
        }
    }

    /** Static and nested so that Surefire never runs it on its own. */
    static class CarefulToyContract extends ToyContract {
        private final HistoryArchive archive = new ToyArchive(false);

        @Override
        protected HistoryArchive archive() {
            return archive;
        }
    }

    static class CarelessToyContract extends ToyContract {
        private final HistoryArchive archive = new ToyArchive(true);

        @Override
        protected HistoryArchive archive() {
            return archive;
        }
    }

    @Test
    void aCarefulArchivePassesEveryTest() {
        Events tests = run(CarefulToyContract.class);

        assertThat(tests.finished().count()).isEqualTo(7);
        assertThat(methodNames(tests.failed().list())).isEmpty();
    }

    @Test
    void aCarelessArchiveFailsTheTestOfEachRuleItBreaks() {
        Events tests = run(CarelessToyContract.class);

        assertThat(methodNames(tests.failed().list())).containsExactlyInAnyOrder(
                "doesNotRecogniseUnrelatedFiles",
                "readingASampleTwiceGivesTheSameFacts",
                "bucketsAreCompleteOnlyWhereTheFormatProvesIt",
                "aMalformedFigureFailsWithTheFileAndLine",
                "exceptionsOfTheConsumerPropagateUnchanged",
                "concurrentReadsOfOneFileGiveTheSameFacts");
    }

    private static Events run(Class<?> contract) {
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
}
