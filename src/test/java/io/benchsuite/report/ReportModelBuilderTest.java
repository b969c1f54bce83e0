package io.benchsuite.report;

import static io.benchsuite.report.RawFixtures.REFERENCE;
import static io.benchsuite.report.RawFixtures.SHORT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.benchsuite.report.model.BenchmarkIssue;
import io.benchsuite.report.model.IngestionReport;
import io.benchsuite.report.model.KeyNumbers;
import io.benchsuite.report.model.KvProfileReport;
import io.benchsuite.report.model.LevelReport;
import io.benchsuite.report.model.Pair;
import io.benchsuite.report.model.PairReport;
import io.benchsuite.report.model.Quartiles;
import io.benchsuite.report.model.ReportModel;
import io.benchsuite.report.model.SweepLevels;
import io.benchsuite.results.JsonFiles;
import io.benchsuite.stats.LevelThreshold;
import io.benchsuite.stats.TotalSpeedGeneration;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report model from synthetic raw results whose every figure was computed by hand. */
class ReportModelBuilderTest {

    @TempDir
    Path out;

    private ReportModel model() throws IOException {
        return model(ReportSettings.defaults());
    }

    private ReportModel model(ReportSettings settings) throws IOException {
        RawResults raw = new RawResultsReader(settings.minNumberOfValidQueries()).read(out);
        return ReportModelBuilder.build(raw, settings);
    }

    @Test
    void theIngestionSpeedIsTheInverseOfTheKnownSlopeAndTheOutlierIsLeftOut() throws IOException {
        new RawFixtures(out).completeSet();
        IngestionReport ingestion = model().ingestion();
        assertEquals(4 * RawFixtures.QUERIES, ingestion.points().size());
        assertEquals(RawFixtures.INGESTION_SPEED, ingestion.fit().orElseThrow().tokensPerSecond());
        assertEquals(
                RawFixtures.INGESTION_SLOPE, ingestion.fit().orElseThrow().fit().slope(), 1e-12);
        assertEquals(
                RawFixtures.INGESTION_INTERCEPT,
                ingestion.fit().orElseThrow().fit().intercept(),
                1e-9);
        assertEquals(1, ingestion.leftOutPoints().size());
        assertEquals(1600, ingestion.leftOutPoints().get(0).promptLength());
    }

    @Test
    void growingPromptsLeftOutForTheContextAreNoted() throws IOException {
        new RawFixtures(out).completeSet();
        assertFalse(has(model().notes(), "longer than the server's context"));
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < 4; i++) {
            File file =
                    out.resolve("raw_results/prompt_ingestion_" + i + ".json").toFile();
            ObjectNode raw = (ObjectNode) json.readTree(file);
            ((ObjectNode) raw.get("parameters")).put("prompts_left_out_for_context", 309);
            json.writeValue(file, raw);
        }
        List<String> notes = model().notes();
        assertTrue(
                has(
                        notes,
                        "Prompt ingestion: 309 growing prompts longer than the server's context were left out, so the "
                                + "ingestion fit covers prompts up to 3071 tokens only."),
                notes.toString());
    }

    @Test
    void thresholdsReadBothWaysPerPair() throws IOException {
        new RawFixtures(out).completeSet();
        ReportModel model = model();
        assertEquals(
                List.of(SHORT, REFERENCE),
                model.pairs().stream().map(PairReport::pair).toList());
        PairReport reference = model.pair(REFERENCE).orElseThrow();
        assertEquals(new LevelThreshold(4, 4), reference.speedThreshold());
        assertEquals(Optional.of(new LevelThreshold(10, 2)), reference.kvCacheThreshold());
        PairReport shortOutput = model.pair(SHORT).orElseThrow();
        assertEquals(new LevelThreshold(4, 1), shortOutput.speedThreshold());
        assertEquals(Optional.of(new LevelThreshold(10, 10)), shortOutput.kvCacheThreshold());
        assertTrue(model.hasKvMetrics());
    }

    @Test
    void theThresholdsAreSettings() throws IOException {
        new RawFixtures(out).completeSet();
        ReportModel model = model(new ReportSettings(40, 0.45, 50, Optional.empty(), Optional.empty()));
        PairReport reference = model.pair(REFERENCE).orElseThrow();
        assertEquals(new LevelThreshold(2, 2), reference.speedThreshold());
        assertEquals(Optional.of(new LevelThreshold(1, 1)), reference.kvCacheThreshold());
    }

    @Test
    void levelsCarryQuartilesWithTheTimeToFirstTokenInMilliseconds() throws IOException {
        new RawFixtures(out).completeSet();
        LevelReport level = model().pair(REFERENCE).orElseThrow().level(4).orElseThrow();
        assertEquals(new Quartiles(25, 30, 35), level.speed().orElseThrow());
        Quartiles ttft = level.ttftMillis().orElseThrow();
        assertEquals(300, ttft.p25(), 1e-9);
        assertEquals(400, ttft.median(), 1e-9);
        assertEquals(600, ttft.p75(), 1e-9);
        assertEquals(0.96, level.maxKvCache());
    }

    @Test
    void totalSpeedSubtractsTheOverheadOfTheFirstLevel() throws IOException {
        new RawFixtures(out).completeSet();
        TotalSpeedGeneration total =
                model().pair(REFERENCE).orElseThrow().totalSpeed().orElseThrow();
        assertEquals(1, total.baselineLevel());
        assertEquals(10, total.overheadSeconds(), 1e-9);
        assertEquals(24_000 / 90.0, total.points().get(2).speed(), 1e-9);
    }

    @Test
    void keyNumbersAreRoundedAsTheModelCardPrintsThem() throws IOException {
        new RawFixtures(out).completeSet();
        ReportModel model = model(new ReportSettings(20, 0.95, 50, Optional.of("A100"), Optional.empty()));
        KeyNumbers numbers = model.keyNumbers();
        assertEquals(2500, numbers.ingestionSpeed().getAsLong());
        assertEquals(18, numbers.referenceSpeed().getAsDouble());
        // Median of 46 080 and 104 000 is 75 040, rounded down to 75 000.
        assertEquals(75_000, numbers.kvCapacityTokens().getAsLong());
        assertFalse(numbers.kvCapacityExact());
        assertEquals("Test Model", model.modelName());
        assertEquals("A100", model.gpuName());
    }

    @Test
    void parametersKeepOnlyTheValuesEqualEverywhereAndTheGpuName() throws IOException {
        new RawFixtures(out).completeSet();
        Map<String, Object> parameters = model().parameters();
        assertEquals(
                List.of(
                        "model",
                        "step_live_metrics",
                        "max_queries",
                        "backend",
                        "suite_id",
                        "model_name",
                        "gpu_name",
                        // the thresholds the report used, which report --speed-threshold may have changed
                        "speed_threshold",
                        "kv_cache_threshold"),
                List.copyOf(parameters.keySet()));
        assertEquals(null, parameters.get("gpu_name"));
    }

    @Test
    void kvProfilesAreSortedByTimeFromTheFirstSample() throws IOException {
        new RawFixtures(out).completeSet();
        KvProfileReport profile = model().kvProfiles().get(1);
        assertEquals(REFERENCE, profile.pair());
        assertEquals(
                List.of(0.0, 0.1, 0.2, 0.3),
                profile.points().stream()
                        .map(p -> Math.round(p.seconds() * 1000) / 1000.0)
                        .toList());
        assertEquals(3, profile.points().get(2).waiting());
    }

    @Test
    void longKvProfilesAreReducedToBucketMaximaThatKeepThePeaks() {
        List<KvProfileReport.Point> points = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // One spike per pair of samples: averaging would halve it, a maximum keeps it.
            points.add(new KvProfileReport.Point(i, i % 2 == 0 ? 0.2 : 0.9, i, 10 - i));
        }
        List<KvProfileReport.Point> reduced = ReportModelBuilder.bucketMaxima(points, 5);
        // Span 9 s in 5 buckets of 1.8 s: [0,1.8) [1.8,3.6) [3.6,5.4) [5.4,7.2) [7.2,inf).
        assertEquals(
                List.of(
                        new KvProfileReport.Point(0, 0.9, 1, 10),
                        new KvProfileReport.Point(1.8, 0.9, 3, 8),
                        new KvProfileReport.Point(3.6, 0.9, 5, 6),
                        new KvProfileReport.Point(5.4, 0.9, 7, 4),
                        new KvProfileReport.Point(7.2, 0.9, 9, 2)),
                reduced);
        assertEquals(points, ReportModelBuilder.bucketMaxima(points, 10), "short profiles are kept as they are");
    }

    @Test
    void missingDataBecomesNotesNotExceptions() throws IOException {
        RawFixtures fixtures = new RawFixtures(out).completeSet();
        for (int i = 0; i < 4; i++) {
            fixtures.delete("prompt_ingestion_" + i + ".json");
        }
        fixtures.delete(RawFixtures.speedFile(REFERENCE, 10));
        fixtures.delete(RawFixtures.speedFile(SHORT, 1));
        fixtures.writeText(RawFixtures.speedFile(SHORT, 3), "{not json");
        fixtures.writeText(RawFixtures.speedFile(SHORT, 6), "{\"parameters\": {}}");
        fixtures.writeText("unrelated.json", "{}");
        // A pair seen only through its KV profile: its sweep is missing.
        fixtures.kvProfile(new Pair(32, 16));
        ReportModel model = model();
        List<String> notes = model.notes();
        assertTrue(model.ingestion().fit().isEmpty());
        assertTrue(model.keyNumbers().ingestionSpeed().isEmpty());
        assertTrue(model.keyNumbers().referenceSpeed().isEmpty());
        assertTrue(has(notes, "No prompt-ingestion result"), notes.toString());
        assertTrue(has(notes, "10 parallel requests for the pair (1024, 128)"), notes.toString());
        assertTrue(has(notes, RawFixtures.speedFile(SHORT, 3) + ": unreadable"), notes.toString());
        assertTrue(
                has(notes, RawFixtures.speedFile(SHORT, 6) + ": unreadable (no \"general_metrics\" object)"),
                notes.toString());
        assertTrue(has(notes, "unrelated.json: not a raw result name"), notes.toString());
        assertTrue(has(notes, "Pair (32, 128): no generation-speed result at all"), notes.toString());
        assertTrue(has(notes, "Pair (32, 16): no generation-speed result at all"), notes.toString());
        assertTrue(has(notes, "Pair (1024, 16): No run with 1 parallel request"), notes.toString());
        assertTrue(has(notes, "Pair (1024, 128): the sweep stopped at 4 parallel requests"), notes.toString());
        assertEquals(
                2, model.pair(SHORT).orElseThrow().totalSpeed().orElseThrow().baselineLevel());
    }

    @Test
    void filteredIncompleteAndErroredBenchmarksAreReported() throws IOException {
        RawFixtures fixtures = new RawFixtures(out).completeSet();
        // 60 queries, 20 errors of which 5 timeouts: 45 valid, below 50.
        fixtures.speedLevel(SHORT, 10, 10, 0.4, 20, 5, true);
        fixtures.speedLevel(REFERENCE, 4, 30, 0.96, 3, 1, false);
        ReportModel model = model();
        PairReport shortOutput = model.pair(SHORT).orElseThrow();
        assertEquals(List.of(1, 2, 4, 10), shortOutput.levelsRun());
        assertEquals(List.of(10), shortOutput.levelsFilteredOut());
        assertTrue(shortOutput.level(10).isEmpty());
        assertTrue(has(model.notes(), "only 45 valid queries"), model.notes().toString());
        assertEquals(
                List.of(
                        new BenchmarkIssue(
                                RawFixtures.speedFile(REFERENCE, 4),
                                3,
                                1,
                                Map.of("HTTP_STATUS", 2, "TIMEOUT", 1),
                                false,
                                true,
                                0,
                                "-",
                                false),
                        // 20 failed requests are above max-failed-share (0.1 for a file that does not say): in doubt.
                        new BenchmarkIssue(
                                RawFixtures.speedFile(SHORT, 10),
                                20,
                                5,
                                Map.of("HTTP_STATUS", 15, "TIMEOUT", 5),
                                true,
                                false,
                                0,
                                "-",
                                true)),
                model.issues());
        assertFalse(model.pair(REFERENCE).orElseThrow().level(4).orElseThrow().complete());
    }

    @Test
    void withoutServerMetricsThereIsNoKvThresholdNorKvColumn() throws IOException {
        RawFixtures fixtures = new RawFixtures(out);
        fixtures.speedLevel(SHORT, 2, 30, -1);
        fixtures.speedLevel(SHORT, 1, 40, -1);
        ReportModel model = model();
        assertFalse(model.hasKvMetrics());
        assertTrue(model.pair(SHORT).orElseThrow().kvCacheThreshold().isEmpty());
        assertEquals(ThresholdsCsv.HEADER_WITHOUT_KV + "\n2,1024,16,not_reached,1;2,,\n", ThresholdsCsv.render(model));
        assertTrue(model.keyNumbers().kvCapacityTokens().isEmpty());
    }

    @Test
    void sweepLevelsAreTypedRowsAndParametersJsonKeepsItsShape() throws IOException {
        RawFixtures fixtures = new RawFixtures(out);
        fixtures.speedLevel(SHORT, 8, 30, 0.4);
        fixtures.speedLevel(SHORT, 1, 50, 0.1);
        fixtures.speedLevel(REFERENCE, 1, 45, 0.1);
        fixtures.speedLevel(new Pair(4096, 16), 2, 40, 0.1);
        fixtures.speedLevel(new Pair(4096, 16), 4, 35, 0.2);
        fixtures.adaptiveReason(SHORT, 1, "bracket: lowest level");
        fixtures.adaptiveReason(SHORT, 8, "bracket | doubling");
        fixtures.gridLevel(new Pair(4096, 16), 2);
        fixtures.gridLevel(new Pair(4096, 16), 4);
        // REFERENCE's level recorded nothing (written before the sweep was): no row, an empty list in the map.
        ReportModel model = model();

        assertEquals(
                List.of(
                        new SweepLevels.Row(SHORT, 1, "bracket: lowest level"),
                        new SweepLevels.Row(SHORT, 8, "bracket | doubling"),
                        new SweepLevels.Row(new Pair(4096, 16), 2, "grid"),
                        new SweepLevels.Row(new Pair(4096, 16), 4, "grid")),
                model.sweepLevels().rows());
        assertEquals(
                List.of(SHORT, REFERENCE, new Pair(4096, 16)),
                model.sweepLevels().pairs());
        assertEquals(
                "{\"input 1024, output 16\":[{\"parallel_requests\":1,\"reason\":\"bracket: lowest level\"},"
                        + "{\"parallel_requests\":8,\"reason\":\"bracket | doubling\"}],"
                        + "\"input 1024, output 128\":[],"
                        + "\"input 4096, output 16\":[{\"parallel_requests\":2,\"reason\":\"grid\"},"
                        + "{\"parallel_requests\":4,\"reason\":\"grid\"}]}",
                JsonFiles.MAPPER.writeValueAsString(model.parameters().get("sweep_levels")));
        List<String> keys = List.copyOf(model.parameters().keySet());
        assertEquals(
                List.of("sweep_levels", "gpu_name", "speed_threshold", "kv_cache_threshold"),
                keys.subList(keys.size() - 4, keys.size()),
                "sweep_levels keeps its place among the parameters");
    }

    @Test
    void withoutRecordedReasonsThereAreNoSweepLevels() throws IOException {
        new RawFixtures(out).completeSet();
        ReportModel model = model();
        assertFalse(model.sweepLevels().recorded());
        assertEquals(SweepLevels.NONE, model.sweepLevels());
        assertFalse(model.parameters().containsKey("sweep_levels"));
    }

    @Test
    void anEmptyFolderGivesAnEmptyModelWithNotes() throws IOException {
        new RawFixtures(out);
        ReportModel model = model();
        assertTrue(model.pairs().isEmpty());
        assertEquals("unknown model", model.modelName());
        assertTrue(has(model.notes(), "No usable raw result"), model.notes().toString());
    }

    private static boolean has(List<String> notes, String fragment) {
        return notes.stream().anyMatch(note -> note.contains(fragment));
    }
}
