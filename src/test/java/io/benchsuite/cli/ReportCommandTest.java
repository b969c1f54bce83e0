package io.benchsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.report.ReportFixturesForCli;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench-suite report} through the real command line. */
@QuarkusMainTest
class ReportCommandTest {

    @Test
    void drawsTheReportOfAnOutputFolder(QuarkusMainLauncher launcher, @TempDir Path out) throws IOException {
        ReportFixturesForCli.writeCompleteSet(out);
        LaunchResult result = launcher.launch(
                "report",
                "--output-folder",
                out.toString(),
                "--gpu-name",
                "L4",
                "--speed-threshold",
                "20",
                "--kv-cache-threshold",
                "0.95",
                "--min-number-of-valid-queries",
                "50");
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        // The command prints the page's path; the in-process launcher may interleave log lines with it.
        String page = out.resolve("report").resolve("index.html").toString();
        assertTrue(result.getOutput().lines().anyMatch(page::equals), result.getOutput());
        ReportFixturesForCli.checkCompleteReport(out.resolve("report"));
        assertTrue(Files.readString(out.resolve("report").resolve("README.md"))
                .startsWith("# Model card for Test Model on L4\n"));
        assertTrue(Files.isRegularFile(out.resolve("raw_results.zip")));
    }

    @Test
    void theReportsParametersShowTheThresholdsItWasDrawnWith(QuarkusMainLauncher launcher, @TempDir Path out)
            throws IOException {
        ReportFixturesForCli.writeCompleteSet(out);
        LaunchResult result = launcher.launch(
                "report", "--output-folder", out.toString(), "--speed-threshold", "45", "--kv-cache-threshold", "0.5");
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        com.fasterxml.jackson.databind.JsonNode parameters = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("report").resolve("parameters.json").toFile());
        assertEquals(45.0, parameters.get("speed_threshold").asDouble(), parameters.toString());
        assertEquals(0.5, parameters.get("kv_cache_threshold").asDouble(), parameters.toString());
        String card = Files.readString(out.resolve("report").resolve("README.md"));
        assertTrue(card.lines().anyMatch(l -> l.contains("speed_threshold") && l.contains("45")), card);
        assertFalse(card.lines().anyMatch(l -> l.contains("speed_threshold") && l.contains("20")), card);
    }

    @Test
    void aFolderWithoutRawResultsIsAUsageError(QuarkusMainLauncher launcher, @TempDir Path out) {
        LaunchResult result = launcher.launch(
                "report", "--output-folder", out.resolve("missing").toString());
        assertEquals(2, result.exitCode());
        String err = result.getErrorOutput().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("is not a folder"), err);
        assertFalse(err.contains("Exception"), err);

        LaunchResult empty = launcher.launch("report", "--output-folder", out.toString());
        assertEquals(2, empty.exitCode());
        assertTrue(
                empty.getErrorOutput().contains("holds neither raw_results/ nor raw_results.zip"),
                empty.getErrorOutput());
    }

    @Test
    void aThresholdOutOfRangeIsAUsageError(QuarkusMainLauncher launcher, @TempDir Path out) throws IOException {
        Files.createDirectories(out.resolve("raw_results"));
        LaunchResult result = launcher.launch("report", "--output-folder", out.toString(), "--kv-cache-threshold", "2");
        assertEquals(2, result.exitCode());
        assertTrue(result.getErrorOutput().contains("kv-cache-threshold"), result.getErrorOutput());
    }
}
