package io.tidemark.imports;

import io.tidemark.core.model.ArchiveFile;
import io.tidemark.core.port.out.HistoryArchive;
import io.tidemark.testkit.HistoryArchiveContract;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

class TidemarkExportArchiveContractTest extends HistoryArchiveContract {

    @Override
    protected HistoryArchive archive() {
        return new TidemarkExportArchive();
    }

    @Override
    protected List<ArchiveFile> sampleFiles() {
        List<ArchiveFile> samples = new ArrayList<>();
        samples.add(TidemarkExportArchiveTest.sample("export.ndjson"));
        TidemarkExportArchiveTest.CSV_FILES.stream().map(TidemarkExportArchiveTest::sample).forEach(samples::add);
        return samples;
    }

    @Override
    protected boolean provesCompleteness() {
        return true;
    }

    @Override
    protected ArchiveFile fileWithMalformedFigure(Path folder) throws IOException {
        return Samples.write(folder, "export.ndjson", "{\"format\":\"tidemark-export\",\"version\":1}\n"
                + "{\"type\":\"bucket\",\"repository\":\"octo/hello\",\"kind\":\"views\",\"per\":\"day\","
                + "\"start\":\"2024-01-01\",\"count\":\"many\",\"uniques\":5,\"complete\":true}\n");
    }
}
