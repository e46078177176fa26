package io.tidemark.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tidemark.core.model.ArchiveFile;
import io.tidemark.core.model.ArchiveFormatException;
import io.tidemark.core.model.HistoryFact;
import io.tidemark.core.port.out.HistoryArchive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract of {@link io.tidemark.core.port.out.HistoryArchive}: what every archive must do,
 * whatever format it reads. Extend it in the tests of an archive adapter, once per archive; the
 * subclass names the archive, sample files of its formats (each readable without a repository
 * argument: its layout or content names the repository), whether its format proves buckets
 * complete, and how to write a file with a malformed figure.
 *
 * <p>Checked: recognition of the samples and of unrelated files, repeatable reads (core reads
 * each file twice), no complete bucket from a format that cannot prove it, malformed figures
 * failing with {@link ArchiveFormatException} at a line, the consumer's exceptions propagating
 * unchanged, and concurrent reads of one file answering like a serial one.
 */
public abstract class HistoryArchiveContract {

    /** Threads reading the same file at once in {@link #concurrentReadsOfOneFileGiveTheSameFacts}. */
    protected static final int THREADS = 4;

    @TempDir
    protected Path temp;

    /** The archive under test. */
    protected abstract HistoryArchive archive();

    /**
     * Sample files of the archive's formats, named as a user would give them (with their folders),
     * each holding at least one fact and readable without a repository argument.
     */
    protected abstract List<ArchiveFile> sampleFiles();

    /**
     * Whether the archive's format proves that a bucket was seen whole (only Tidemark's own export
     * does); when false, no bucket it reads may be complete.
     */
    protected abstract boolean provesCompleteness();

    /**
     * Writes, under {@code folder}, a file the archive recognises whose figures are malformed
     * somewhere after its first line (a count of {@code 12.5}, {@code -3} or {@code many}).
     */
    protected abstract ArchiveFile fileWithMalformedFigure(Path folder) throws IOException;

    /**
     * {@link HistoryArchive#recognise} gives one of {@link HistoryArchive#formats()} for each
     * sample file, and the formats are not blank.
     */
    @Test
    void recognisesEachSampleAsOneOfItsFormats() {
        HistoryArchive archive = archive();
        Set<String> formats = archive.formats();
        assertThat(formats).isNotEmpty().allSatisfy(format -> assertThat(format).isNotBlank());
        assertThat(sampleFiles()).isNotEmpty();
        for (ArchiveFile sample : sampleFiles()) {
            assertThat(archive.recognise(sample)).as("the format of %s", sample.name()).isPresent()
                    .get().isIn(formats);
        }
    }

    /**
     * Files of no format are not recognised: a text file, a CSV of an unrelated header, an empty
     * file, a binary file of zeros and a file that does not exist all give empty, without throwing.
     */
    @Test
    void doesNotRecogniseUnrelatedFiles() throws IOException {
        HistoryArchive archive = archive();
        List<ArchiveFile> unrelated = List.of(
                write("notes/readme.txt", "Some notes about traffic, not traffic.\n"),
                write("exports/data.csv", "a,b,c\n1,2,3\n"),
                write("octo/hello/traffic/views.csv", "day,visits\n2024-01-01,3\n"),
                write("empty.json", ""),
                writeBytes("blob.db", new byte[4096]),
                new ArchiveFile("missing/views_clones_aggregate.csv", temp.resolve("does-not-exist.csv")));
        for (ArchiveFile file : unrelated) {
            assertThat(archive.recognise(file)).as("the format of %s", file.name()).isEmpty();
        }
    }

    /**
     * Reading a sample twice gives equal lists of facts, in the same order: core reads each file
     * once to check it and once to keep it.
     */
    @Test
    void readingASampleTwiceGivesTheSameFacts() {
        for (ArchiveFile sample : sampleFiles()) {
            List<HistoryFact> first = read(sample);
            List<HistoryFact> second = read(sample);
            assertThat(first).as("facts of %s", sample.name()).isNotEmpty();
            assertThat(second).as("facts of %s read again", sample.name()).isEqualTo(first);
        }
    }

    /**
     * A format that cannot prove a bucket was seen whole (every other tool's) gives no complete
     * bucket, since a daily figure of another tool may always be a cut one; a format that proves it
     * (Tidemark's own export) reads its samples' complete buckets as complete.
     */
    @Test
    void bucketsAreCompleteOnlyWhereTheFormatProvesIt() {
        List<HistoryFact.Bucket> buckets = new ArrayList<>();
        for (ArchiveFile sample : sampleFiles()) {
            read(sample).stream().filter(HistoryFact.Bucket.class::isInstance).map(HistoryFact.Bucket.class::cast)
                    .forEach(buckets::add);
        }
        assertThat(buckets).as("buckets of the samples").isNotEmpty();
        if (provesCompleteness()) {
            assertThat(buckets).as("the samples' proven buckets, read as complete").anyMatch(bucket -> bucket.bucket().complete());
        } else {
            assertThat(buckets).as("buckets of a format that cannot prove completeness").noneMatch(bucket -> bucket.bucket().complete());
        }
    }

    /**
     * A file with a malformed figure fails with {@link ArchiveFormatException} naming the file as
     * given and a line from 1, with a problem text. Nothing is required of the facts given before
     * the failure (the caller discards them).
     */
    @Test
    void aMalformedFigureFailsWithTheFileAndLine() throws IOException {
        HistoryArchive archive = archive();
        ArchiveFile malformed = fileWithMalformedFigure(temp);
        String format = archive.recognise(malformed).orElseThrow(
                () -> new AssertionError("the archive does not recognise " + malformed.name()));

        ArchiveFormatException failure = catchThrowableOfType(ArchiveFormatException.class,
                () -> archive.read(malformed, format, null, fact -> { }));

        assertThat(failure).as("the failure of %s", malformed.name()).isNotNull();
        assertThat(failure.file()).isEqualTo(malformed.name());
        assertThat(failure.line()).isPositive();
        assertThat(failure.problem()).isNotBlank();
        assertThat(failure.getMessage()).contains(malformed.name()).contains("line " + failure.line());
    }

    /**
     * An exception the consumer throws reaches the caller unchanged (the same instance, not
     * wrapped or turned into a format failure), and no further fact is given after it.
     */
    @Test
    void exceptionsOfTheConsumerPropagateUnchanged() {
        HistoryArchive archive = archive();
        ArchiveFile sample = sampleFiles().get(0);
        String format = archive.recognise(sample).orElseThrow();
        RuntimeException stop = new IllegalStateException("the consumer stops here");
        List<HistoryFact> given = new ArrayList<>();

        assertThatThrownBy(() -> archive.read(sample, format, null, fact -> {
            given.add(fact);
            throw stop;
        })).isSameAs(stop);
        assertThat(given).hasSize(1);
    }

    /**
     * {@value #THREADS} threads reading the same file at once each get the facts a serial read
     * gets: the archive keeps no state of a read between calls.
     */
    @Test
    void concurrentReadsOfOneFileGiveTheSameFacts() throws Exception {
        for (ArchiveFile sample : sampleFiles()) {
            List<HistoryFact> serial = read(sample);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<List<HistoryFact>>> reads = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    reads.add(pool.submit(() -> {
                        start.await();
                        return read(sample);
                    }));
                }
                start.countDown();
                for (Future<List<HistoryFact>> concurrent : reads) {
                    assertThat(concurrent.get(60, TimeUnit.SECONDS)).as("facts of %s", sample.name()).isEqualTo(serial);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Every fact of a file, read in the format the archive recognises, without a repository. */
    protected List<HistoryFact> read(ArchiveFile file) {
        HistoryArchive archive = archive();
        Optional<String> format = archive.recognise(file);
        assertThat(format).as("the format of %s", file.name()).isPresent();
        List<HistoryFact> facts = new ArrayList<>();
        archive.read(file, format.get(), null, facts::add);
        return facts;
    }

    /** Writes a UTF-8 text file under the temporary folder, named {@code name} for the archive. */
    protected ArchiveFile write(String name, String content) throws IOException {
        return writeBytes(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a file under the temporary folder, named {@code name} for the archive. */
    protected ArchiveFile writeBytes(String name, byte[] content) throws IOException {
        Path file = temp.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return new ArchiveFile(name, file);
    }
}
