package io.benchsuite.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a report build produced.
 *
 * @param reportFolder {@code <out>/report}
 * @param files        every file written under it, relative paths, in writing order
 * @param rawZip       the {@code raw_results.zip} written, when there was a raw folder to pack
 * @param notes        what is missing or unusual, as in the report
 */
public record ReportSummary(Path reportFolder, List<String> files, Optional<Path> rawZip, List<String> notes) {

    public ReportSummary {
        files = List.copyOf(files);
        notes = List.copyOf(notes);
    }
}
