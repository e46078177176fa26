package io.tidemark.imports;

import io.tidemark.core.model.ArchiveFile;
import io.tidemark.core.model.ArchiveFormatException;
import io.tidemark.core.model.HistoryFact;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.port.out.HistoryArchive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The peer tools' sample files (test resources, {@code peer-exports/}) and small helpers of the tests. */
final class Samples {

    static final RepositoryId AWESOME_JUPYTER = RepositoryId.of("markusschanta", "awesome-jupyter");
    static final String GHRS = "github-repo-stats/markusschanta/awesome-jupyter/ghrs-data/";
    static final String TRAFFIC = "repository-traffic-action/markusschanta/awesome-jupyter/traffic/";

    private Samples() {}

    /** The folder of the samples. */
    static Path root() {
        try {
            return Path.of(Samples.class.getResource("/peer-exports/README.md").toURI()).getParent();
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A sample file, named by its path under {@code peer-exports/} as a user would give it. */
    static ArchiveFile file(String name) {
        return new ArchiveFile(name, root().resolve(name));
    }

    /** The lines of a sample file (the test's own reading, independent of the adapter). */
    static List<String> lines(String name) {
        try {
            return Files.readAllLines(root().resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The snapshot files of the github-repo-stats sample, by name under {@code peer-exports/}. */
    static List<String> ghrsSnapshots() {
        try (Stream<Path> files = Files.list(root().resolve(GHRS + "snapshots"))) {
            return files.map(path -> GHRS + "snapshots/" + path.getFileName()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every fact of a file read in a format with an optional repository. */
    static List<HistoryFact> read(HistoryArchive archive, ArchiveFile file, String format, RepositoryId repository) {
        List<HistoryFact> facts = new ArrayList<>();
        archive.read(file, format, repository, facts::add);
        return facts;
    }

    /** The failure of reading a file, which must fail with an ArchiveFormatException. */
    static ArchiveFormatException failure(HistoryArchive archive, ArchiveFile file, String format, RepositoryId repository) {
        try {
            archive.read(file, format, repository, fact -> { });
        } catch (ArchiveFormatException expected) {
            return expected;
        }
        throw new AssertionError("reading " + file.name() + " did not fail");
    }

    /** Writes a file under a folder, named {@code name} for the archive. */
    static ArchiveFile write(Path folder, String name, String content) {
        try {
            Path file = folder.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return new ArchiveFile(name, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The facts of one type. */
    static <T extends HistoryFact> List<T> only(List<HistoryFact> facts, Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
