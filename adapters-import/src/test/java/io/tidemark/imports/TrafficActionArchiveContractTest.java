package io.tidemark.imports;

import io.tidemark.core.model.ArchiveFile;
import io.tidemark.core.port.out.HistoryArchive;
import io.tidemark.testkit.HistoryArchiveContract;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

class TrafficActionArchiveContractTest extends HistoryArchiveContract {

    @Override
    protected HistoryArchive archive() {
        return new TrafficActionArchive();
    }

    @Override
    protected List<ArchiveFile> sampleFiles() {
        return List.of(Samples.file(Samples.TRAFFIC + "views.csv"), Samples.file(Samples.TRAFFIC + "clones.csv"));
    }

    @Override
    protected boolean provesCompleteness() {
        return false;
    }

    @Override
    protected ArchiveFile fileWithMalformedFigure(Path folder) throws IOException {
        return Samples.write(folder, "octo/hello/traffic/clones.csv",
                "_date,total_clones,unique_clones\n2024-01-01,3,1\n2024-01-02,-3,1\n");
    }
}
