package io.tidemark.imports;

import io.tidemark.core.model.ArchiveFile;
import io.tidemark.core.port.out.HistoryArchive;
import io.tidemark.testkit.HistoryArchiveContract;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

class GitHubRepoStatsArchiveContractTest extends HistoryArchiveContract {

    @Override
    protected HistoryArchive archive() {
        return new GitHubRepoStatsArchive();
    }

    @Override
    protected List<ArchiveFile> sampleFiles() {
        List<ArchiveFile> samples = new ArrayList<>();
        samples.add(Samples.file(Samples.GHRS + "views_clones_aggregate.csv"));
        samples.add(Samples.file(Samples.GHRS + "stargazers.csv"));
        samples.add(Samples.file(Samples.GHRS + "forks.csv"));
        Samples.ghrsSnapshots().stream().limit(2).map(Samples::file).forEach(samples::add);
        return samples;
    }

    @Override
    protected boolean provesCompleteness() {
        return false;
    }

    @Override
    protected ArchiveFile fileWithMalformedFigure(Path folder) throws IOException {
        return Samples.write(folder, "octo/hello/ghrs-data/views_clones_aggregate.csv",
                "time_iso8601,clones_total,clones_unique,views_total,views_unique\n"
                        + "2024-01-01 00:00:00+00:00,3,1,12,5\n"
                        + "2024-01-02 00:00:00+00:00,3,1,12.5,5\n");
    }
}
