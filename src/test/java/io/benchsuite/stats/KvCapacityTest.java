package io.benchsuite.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KvCapacityTest {

    /** A run whose mean is {@code meanTokens} per query (2 queries), peaking at {@code usage} with {@code running}. */
    private static KvProfileRun run(long meanTokens, double usage, double running) {
        return new KvProfileRun(
                meanTokens,
                meanTokens,
                2,
                List.of(new KvSample(usage / 2, 1), new KvSample(usage, running), new KvSample(0, 0)));
    }

    @Test
    void oneRunEstimatesMeanTokensTimesRunningOverPeakUsage() {
        // 2 queries, 80 prompt + 20 generated tokens: 50 per query; peak 0.5 with 5 running: 50 * 5 / 0.5 = 500.
        KvProfileRun run = new KvProfileRun(
                80,
                20,
                2,
                List.of(new KvSample(0.125, 1), new KvSample(0.5, 5), new KvSample(0.25, 9), new KvSample(0.5, 7)));
        assertEquals(500, KvCapacity.estimateTokens(run).orElseThrow()); // the first of the tied peaks counts
    }

    @Test
    void severalRunsGiveTheMedianEstimate() {
        // Per-run estimates 500, 2000, 2500, 3000, 50000 (the original's test fixture values): median 2500.
        List<KvProfileRun> runs =
                List.of(run(50, 0.5, 5), run(100, 0.25, 5), run(125, 0.5, 10), run(375, 0.25, 2), run(3125, 0.0625, 1));
        assertEquals(2500, KvCapacity.estimateTokens(runs).orElseThrow());
        // An even count takes the mean of the two middle estimates: (500 + 2000) / 2.
        assertEquals(1250, KvCapacity.estimateTokens(runs.subList(0, 2)).orElseThrow());
    }

    @Test
    void runsWithoutAUsablePeakAreSkipped() {
        KvProfileRun idle = new KvProfileRun(100, 100, 2, List.of(new KvSample(0, 0)));
        KvProfileRun noSamples = new KvProfileRun(100, 100, 2, List.of());
        KvProfileRun noQueries = new KvProfileRun(0, 0, 0, List.of(new KvSample(0.5, 1)));
        assertTrue(KvCapacity.estimateTokens(idle).isEmpty());
        assertTrue(KvCapacity.estimateTokens(noSamples).isEmpty());
        assertTrue(KvCapacity.estimateTokens(noQueries).isEmpty());
        assertTrue(KvCapacity.estimateTokens(List.of(idle, noSamples)).isEmpty());
        assertTrue(KvCapacity.estimateTokens(List.of()).isEmpty());
        assertEquals(
                500, KvCapacity.estimateTokens(List.of(idle, run(50, 0.5, 5))).orElseThrow());
    }

    @Test
    void exactCapacityIsBlocksTimesBlockSize() {
        assertEquals(16_000, KvCapacity.exactTokens(1000, 16).orElseThrow());
        assertTrue(KvCapacity.exactTokens(0, 16).isEmpty());
        assertTrue(KvCapacity.exactTokens(1000, -1).isEmpty());
    }

    @Test
    void modelCardRoundsDown() {
        assertEquals(50_000, Rounding.roundDown(73_400, Rounding.KV_CAPACITY_STEP));
        assertEquals(1_000, Rounding.roundDown(1_249, Rounding.INGESTION_SPEED_STEP));
        assertEquals(1_250, Rounding.roundDown(1_250, Rounding.INGESTION_SPEED_STEP));
        assertThrows(IllegalArgumentException.class, () -> Rounding.roundDown(1, 0));
    }
}
