package io.benchsuite.report;

import static io.benchsuite.report.RawFixtures.REFERENCE;
import static io.benchsuite.report.RawFixtures.SHORT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.benchsuite.report.model.Pair;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the report of the complete fixture set once (charts take a moment to draw) and checks every file,
 * then a degraded set: no ingestion, no N=1, no reference level, a missing pair, a corrupt file. Runs in
 * Quarkus: the pages are rendered by its template engine.
 */
@QuarkusTest
class ReportBuilderTest {

    @TempDir
    static Path complete;

    @TempDir
    static Path degraded;

    static ReportSummary completeSummary;
    static ReportSummary degradedSummary;

    @BeforeAll
    static void buildBothReports() throws IOException {
        new RawFixtures(complete).completeSet();
        completeSummary = ReportBuilder.build(
                complete, new ReportSettings(20, 0.95, 50, Optional.of("H100 <80GB>"), Optional.empty()));

        RawFixtures fixtures = new RawFixtures(degraded).completeSet();
        for (int i = 0; i < 4; i++) {
            fixtures.delete("prompt_ingestion_" + i + ".json");
        }
        fixtures.delete(RawFixtures.speedFile(REFERENCE, 10));
        fixtures.delete(RawFixtures.speedFile(SHORT, 1));
        fixtures.speedLevel(REFERENCE, 4, 30, 0.96, 3, 1, false);
        fixtures.writeText(RawFixtures.speedFile(SHORT, 3), "{not json");
        fixtures.kvProfile(new Pair(4096, 16));
        degradedSummary = ReportBuilder.build(degraded, ReportSettings.defaults());
    }

    @Test
    void everyFileOfTheCompleteReportIsWellFormed() throws IOException {
        Path report = complete.resolve("report");
        ReportFilesCheck.completeReport(report);
        try (Stream<Path> files = Files.walk(report)) {
            List<String> onDisk = files.filter(Files::isRegularFile)
                    .map(f -> report.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
            assertEquals(completeSummary.files().stream().sorted().toList(), onDisk, "the summary lists what exists");
        }
        assertEquals(16, completeSummary.files().size());
    }

    @Test
    void theIngestionDataPairsKeptLengthsWithTheirOwnTimes() throws IOException {
        JsonNode data = ReportFilesCheck.json(complete.resolve("report").resolve(ReportFiles.INGESTION_DATA));
        assertEquals(239, data.get("prompt_lengths").size());
        assertEquals(239, data.get("times_to_first_token").size());
        assertEquals(240, data.get("all_prompt_lengths").size());
        assertEquals(240, data.get("all_times_to_first_token").size());
        assertEquals(
                RawFixtures.INGESTION_SLOPE, data.get("fit_coefficients").get(0).asDouble(), 1e-12);
        assertEquals(
                RawFixtures.INGESTION_SPEED, data.get("prompt_ingestion_speed").asLong());
        double x = data.get("prompt_lengths").get(5).asDouble();
        assertEquals(
                RawFixtures.INGESTION_SLOPE * x + RawFixtures.INGESTION_INTERCEPT,
                data.get("times_to_first_token").get(5).asDouble(),
                1e-12);
    }

    @Test
    void theSpeedDataKeepsTheOriginalShapeKeyedByLevel() throws IOException {
        JsonNode data = ReportFilesCheck.json(complete.resolve("report").resolve(ReportFiles.speedData(REFERENCE)));
        assertEquals(List.of("1", "2", "4", "10"), fieldNames(data));
        JsonNode level = data.get("4");
        assertEquals(
                List.of(
                        "speed_generation",
                        "time_to_first_token",
                        "max_kv_cache",
                        "parallel_requests_nb",
                        "time_to_first_token_ms",
                        "total_number_of_queries",
                        "nb_errored_queries",
                        "nb_timeout_queries",
                        "errors_by_kind",
                        "complete",
                        "nb_output_length_mismatch"),
                fieldNames(level));
        assertEquals(5, level.get("speed_generation").get(0).asDouble(), 1e-9);
        assertEquals(30, level.get("speed_generation").get(1).asDouble(), 1e-9);
        assertEquals(5, level.get("speed_generation").get(2).asDouble(), 1e-9);
        assertEquals(0.4, level.get("time_to_first_token").get(1).asDouble(), 1e-9);
        assertEquals(400, level.get("time_to_first_token_ms").get(1).asDouble(), 1e-9);
        assertEquals(200, level.get("time_to_first_token_ms").get(2).asDouble(), 1e-9);
        assertEquals(0.96, level.get("max_kv_cache").asDouble());
        assertEquals(4, level.get("parallel_requests_nb").asInt());
    }

    @Test
    void totalSpeedAndKvDataHoldTheDrawnNumbers() throws IOException {
        Path report = complete.resolve("report");
        JsonNode total = ReportFilesCheck.json(report.resolve(ReportFiles.TOTAL_SPEED_DATA));
        assertEquals(1024, total.get("1").get("input_length").asInt());
        assertEquals(128, total.get("1").get("output_length").asInt());
        assertEquals(
                24_000 / 90.0, total.get("1").get("data").get(2).get("speed").asDouble(), 1e-9);
        JsonNode kv = ReportFilesCheck.json(report.resolve(ReportFiles.kvData(REFERENCE)));
        assertEquals(4, kv.get("time_seconds").size());
        assertEquals(3, kv.get("num_requests_waiting").get(2).asDouble());
        JsonNode parameters = ReportFilesCheck.json(report.resolve(ReportFiles.PARAMETERS));
        assertEquals("H100 <80GB>", parameters.get("gpu_name").asText());
        assertFalse(parameters.has("n_workers"), "values that differ between files drop out");
    }

    @Test
    void theModelCardHasTheMainMetricsAndTheFeaturedGraph() throws IOException {
        String card = Files.readString(complete.resolve("report").resolve(ReportFiles.MODEL_CARD));
        assertTrue(card.startsWith("# Model card for Test Model on H100 <80GB>\n"), card);
        assertTrue(card.contains("| Prompt ingestion speed | ~2500 t/s |"), card);
        assertTrue(card.contains("| ~18 t/s for each request |"), card);
        assertTrue(card.contains("| KV cache capacity | ~75k tokens (estimate) |"), card);
        assertTrue(card.contains("./total_speed_generation_graph.png"), card);
        assertFalse(card.contains("## Warnings"), card);
    }

    @Test
    void theHtmlPageIsSelfContained() throws IOException {
        String html = Files.readString(complete.resolve("report").resolve(ReportFiles.INDEX));
        Matcher images = Pattern.compile("<img [^>]*src=\"([^\"]*)\"").matcher(html);
        int count = 0;
        while (images.find()) {
            assertTrue(images.group(1).startsWith("data:image/png;base64,"), images.group(1));
            count++;
        }
        assertEquals(6, count, "ingestion, total, 2 speed and 2 KV graphs");
        assertFalse(html.contains("http://") || html.contains("https://"), "no external resource");
        assertTrue(html.contains("H100 &lt;80GB&gt;"), "text is escaped");
        assertTrue(html.contains("<h2>Thresholds</h2>\n<table>"), html);
        assertTrue(
                html.contains("<tr><td>1024</td><td>128</td><td>1, 2, 4, 10</td><td>4</td><td>4</td>"
                        + "<td>10</td><td>2</td></tr>"),
                html);
        // A limit no level reached is not shown as if it had been measured.
        assertTrue(
                html.contains(
                        "<tr><td>1024</td><td>16</td><td>1, 2, 4, 10</td><td>4</td><td>1</td>"
                                + "<td>holds up to 10 (the largest level run; limit not reached)</td><td>holds up to 10 (the largest level run; limit not reached)</td></tr>"),
                html);
    }

    @Test
    void theRawFolderIsZippedAtTheRootAndKept() throws IOException {
        Path zip = completeSummary.rawZip().orElseThrow();
        assertEquals(complete.resolve("raw_results.zip"), zip);
        assertTrue(Files.isDirectory(complete.resolve("raw_results")), "the folder is the caller's to delete");
        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.add(entry.getName());
            }
        }
        try (Stream<Path> raw = Files.list(complete.resolve("raw_results"))) {
            assertEquals(raw.map(p -> p.getFileName().toString()).sorted().toList(), entries);
        }
    }

    @Test
    void theZipAloneGivesTheSameRawResults(@TempDir Path fromZip) throws IOException {
        Files.copy(complete.resolve("raw_results.zip"), fromZip.resolve("raw_results.zip"));
        RawResultsReader reader = new RawResultsReader(50);
        RawResults fromFolder = reader.read(complete);
        RawResults zipped = reader.read(fromZip);
        assertEquals(fromFolder.kept().size(), zipped.kept().size());
        assertEquals(fromFolder.kept(), zipped.kept());
        assertTrue(RawResultsReader.hasRawResults(fromZip));
    }

    @Test
    void theDegradedReportSaysWhatIsMissing() throws IOException {
        Path report = degraded.resolve("report");
        assertFalse(Files.exists(report.resolve(ReportFiles.INGESTION_GRAPH)));
        assertFalse(Files.exists(report.resolve(ReportFiles.INGESTION_DATA)));
        ReportFilesCheck.png(report.resolve(ReportFiles.TOTAL_SPEED_GRAPH));
        ReportFilesCheck.png(report.resolve(ReportFiles.speedGraph(SHORT)));
        ReportFilesCheck.png(report.resolve(ReportFiles.speedGraph(REFERENCE)));
        ReportFilesCheck.png(report.resolve(ReportFiles.kvGraph(new Pair(4096, 16))));
        assertEquals(
                List.of(
                        ThresholdsCsv.HEADER_WITH_KV,
                        "4,10,1024,16,measured,not_reached,2;4;10,,",
                        "4,2,1024,128,not_reached,measured,1;2;4,,"),
                ReportFilesCheck.csvLines(report.resolve(ReportFiles.THRESHOLDS)));
        String card = Files.readString(report.resolve(ReportFiles.MODEL_CARD));
        assertTrue(card.contains("| Prompt ingestion speed | NA |"), card);
        assertTrue(card.contains("tokens, 10 parallel requests | NA |"), card);
        assertTrue(card.contains("## Warnings"), card);
        assertTrue(
                card.contains("| " + RawFixtures.speedFile(REFERENCE, 4)
                        + " | 3 | 1 | HTTP_STATUS: 2, TIMEOUT: 1 | 0 | INCOMPLETE (interrupted) |"),
                card);
        assertTrue(card.contains("Pair (4096, 128): no generation-speed result at all"), card);
        assertTrue(card.contains(RawFixtures.speedFile(SHORT, 3) + ": unreadable"), card);
        String html = Files.readString(report.resolve(ReportFiles.INDEX));
        assertTrue(html.contains("No graph: the data it needs is missing"), "the ingestion graph is replaced");
        assertTrue(html.contains("INCOMPLETE (interrupted)"));
        assertTrue(degradedSummary.notes().stream().anyMatch(n -> n.contains("No prompt-ingestion result")));
    }

    @Test
    void theAdaptiveSweepsLevelsGetTheirOwnTableNotARawMapInTheParameters(@TempDir Path out) throws IOException {
        RawFixtures fixtures = new RawFixtures(out);
        fixtures.speedLevel(SHORT, 1, 50, 0.1);
        fixtures.speedLevel(SHORT, 8, 30, 0.4);
        fixtures.speedLevel(REFERENCE, 1, 45, 0.1);
        fixtures.adaptiveReason(SHORT, 1, "bracket: lowest level");
        fixtures.adaptiveReason(SHORT, 8, "bracket | doubling");
        fixtures.adaptiveReason(REFERENCE, 1, "bracket: lowest level");
        ReportBuilder.build(out, ReportSettings.defaults());
        Path report = out.resolve("report");

        String card = Files.readString(report.resolve(ReportFiles.MODEL_CARD));
        assertTrue(card.contains("## Sweep levels"), card);
        assertTrue(card.contains("| Pair | Parallel requests | Why it ran |"), card);
        assertTrue(card.contains("| input 1024, output 16 | 1 | bracket: lowest level |"), card);
        assertTrue(card.contains("| input 1024, output 16 | 8 | bracket \\| doubling |"), card);
        assertTrue(card.contains("| input 1024, output 128 | 1 | bracket: lowest level |"), card);
        assertFalse(card.contains("sweep_levels"), "no raw map in the parameters' table: " + card);
        assertTrue(card.indexOf("## Parameters") < card.indexOf("## Sweep levels"), "the table follows the parameters");

        String html = Files.readString(report.resolve(ReportFiles.INDEX));
        assertTrue(html.contains("<h2>Sweep levels</h2>"), html);
        assertTrue(html.contains("<tr><td>input 1024, output 16</td><td>8</td><td>bracket | doubling</td></tr>"), html);
        assertFalse(html.contains("sweep_levels"), html);

        // parameters.json keeps the machine-readable map.
        JsonNode parameters = ReportFilesCheck.json(report.resolve("parameters.json"));
        assertEquals(
                "bracket | doubling",
                parameters
                        .get("sweep_levels")
                        .get("input 1024, output 16")
                        .get(1)
                        .get("reason")
                        .asText());
    }

    @Test
    void theCompleteReportHasNoSweepLevelsTable() throws IOException {
        // Results written before the sweep was recorded: no section, rather than an empty one.
        assertFalse(Files.readString(complete.resolve("report").resolve(ReportFiles.MODEL_CARD))
                .contains("Sweep levels"));
        assertFalse(Files.readString(complete.resolve("report").resolve(ReportFiles.INDEX))
                .contains("Sweep levels"));
    }

    @Test
    void aRedrawReplacesTheWholeReportFolder(@TempDir Path out) throws IOException {
        RawFixtures fixtures = new RawFixtures(out);
        fixtures.speedLevel(SHORT, 1, 50, 0.1);
        fixtures.speedLevel(REFERENCE, 1, 50, 0.1);
        ReportBuilder.build(out, ReportSettings.defaults());
        assertTrue(Files.exists(out.resolve("report").resolve(ReportFiles.speedGraph(REFERENCE))));
        fixtures.delete(RawFixtures.speedFile(REFERENCE, 1));
        ReportBuilder.build(out, ReportSettings.defaults());
        assertFalse(
                Files.exists(out.resolve("report").resolve(ReportFiles.speedGraph(REFERENCE))),
                "no stale graph of the earlier report");
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(
                    List.of("raw_results", "raw_results.zip", "report"),
                    left.map(p -> p.getFileName().toString())
                            .sorted(Comparator.naturalOrder())
                            .toList());
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
