package io.benchsuite.stats;

import static io.benchsuite.record.TestRecords.ANCHOR;
import static io.benchsuite.record.TestRecords.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TotalSpeedGenerationTest {

    private static final double EPS = 1e-12;

    private static List<Double> speeds(TotalSpeedGeneration curve) {
        return curve.points().stream().map(TotalSpeedPoint::speed).toList();
    }

    @Test
    void overheadOfTheSingleRequestRunIsSubtractedFromEveryLevel() {
        // N=1: 110 s of wall time for 100 s of requests, so 10 s of overhead.
        // Speeds: 1000 / (110 - 10) = 10, 2000 / (110 - 10) = 20, 4000 / (60 - 10) = 80.
        TotalSpeedGeneration curve = TotalSpeedGeneration.of(List.of(
                        new LevelTotals(4, 60, 160, 4000),
                        new LevelTotals(1, 110, 100, 1000),
                        new LevelTotals(2, 110, 200, 2000)))
                .orElseThrow();

        assertEquals(1, curve.baselineLevel());
        assertEquals(10, curve.overheadSeconds(), EPS);
        assertEquals(
                List.of(1, 2, 4),
                curve.points().stream().map(TotalSpeedPoint::parallelRequests).toList());
        assertEquals(List.of(10.0, 20.0, 80.0), speeds(curve));
        assertTrue(curve.note().isEmpty());
        assertEquals(
                List.of(
                        "nb_parallel_requests",
                        "total_time",
                        "actual_total_time",
                        "total_number_of_generated_tokens",
                        "speed"),
                List.copyOf(JsonMaps.of(curve.points().get(0)).keySet()));
    }

    @Test
    void withoutTheSingleRequestRunTheSmallestLevelIsTheBaselineAndSaysSo() {
        // N=2: 110 s of wall time, 200 s of requests over 2 in flight = 100 s busy: 10 s of overhead again.
        TotalSpeedGeneration curve = TotalSpeedGeneration.of(
                        List.of(new LevelTotals(4, 60, 160, 4000), new LevelTotals(2, 110, 200, 2000)))
                .orElseThrow();

        assertEquals(2, curve.baselineLevel());
        assertEquals(10, curve.overheadSeconds(), EPS);
        assertEquals(List.of(20.0, 80.0), speeds(curve));
        assertTrue(curve.note().orElseThrow().contains("No run with 1 parallel request"));
    }

    @Test
    void levelTotalsComeFromGeneralMetrics() {
        // Two valid requests of 0.4 s and 0.2 s with 2 tokens each, in a run of 1.5 s wall time.
        List<QueryStats> queries = List.of(
                QueryStatsCalculator.compute(
                        request().startMs(0).endMs(400).chunksMs(100, 200).build(), ANCHOR),
                QueryStatsCalculator.compute(
                        request().startMs(0).endMs(200).chunksMs(100, 150).build(), ANCHOR));
        LevelTotals totals = LevelTotals.of(
                2, RunMetrics.of(queries, ServerPeaks.UNAVAILABLE, 1.5).general());
        assertEquals(2, totals.parallelRequests());
        assertEquals(1.5, totals.actualTotalTime(), 0);
        assertEquals(0.6, totals.totalTime(), EPS);
        assertEquals(4, totals.generatedTokens());
    }

    @Test
    void impossibleOverheadsAndWallTimesDegradeToZero() {
        // Baseline busier than its wall time: overhead 90 - 200/2 = -10 is taken as 0.
        TotalSpeedGeneration clamped = TotalSpeedGeneration.of(List.of(new LevelTotals(2, 90, 200, 1800)))
                .orElseThrow();
        assertEquals(0, clamped.overheadSeconds(), 0);
        assertEquals(List.of(20.0), speeds(clamped));
        // A level shorter than the overhead has no meaningful speed.
        TotalSpeedGeneration shortLevel = TotalSpeedGeneration.of(
                        List.of(new LevelTotals(1, 110, 100, 1000), new LevelTotals(2, 8, 12, 200)))
                .orElseThrow();
        assertEquals(List.of(10.0, 0.0), speeds(shortLevel));
        assertTrue(TotalSpeedGeneration.of(List.of()).isEmpty());
    }
}
