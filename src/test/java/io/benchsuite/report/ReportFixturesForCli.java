package io.benchsuite.report;

import java.io.IOException;
import java.nio.file.Path;

/** Opens the package-private fixtures and checks to the command-line test in another package. */
public final class ReportFixturesForCli {

    private ReportFixturesForCli() {}

    public static void writeCompleteSet(Path outputFolder) throws IOException {
        new RawFixtures(outputFolder).completeSet();
    }

    public static void checkCompleteReport(Path reportFolder) throws IOException {
        ReportFilesCheck.completeReport(reportFolder);
    }
}
