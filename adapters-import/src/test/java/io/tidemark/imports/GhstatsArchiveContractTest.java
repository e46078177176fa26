package io.tidemark.imports;

import io.tidemark.core.model.ArchiveFile;
import io.tidemark.core.port.out.HistoryArchive;
import io.tidemark.testkit.HistoryArchiveContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

class GhstatsArchiveContractTest extends HistoryArchiveContract {

    @Override
    protected HistoryArchive archive() {
        return new GhstatsArchive();
    }

    @Override
    protected List<ArchiveFile> sampleFiles() {
        return List.of(Samples.file("ghstats/ghstats.db"));
    }

    @Override
    protected boolean provesCompleteness() {
        return false;
    }

    @Override
    protected ArchiveFile fileWithMalformedFigure(Path folder) throws IOException {
        Path copy = folder.resolve("malformed/ghstats.db");
        Files.createDirectories(copy.getParent());
        Files.copy(Samples.root().resolve("ghstats/ghstats.db"), copy);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + copy);
                Statement statement = connection.createStatement()) {
            statement.execute("UPDATE repo_stats SET views_count = 'many' WHERE rowid = 40");
        } catch (SQLException e) {
            throw new IOException(e);
        }
        return new ArchiveFile("malformed/ghstats.db", copy);
    }
}
