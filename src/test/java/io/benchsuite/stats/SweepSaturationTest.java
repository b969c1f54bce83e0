package io.benchsuite.stats;

import static io.benchsuite.record.TestRecords.ANCHOR;
import static io.benchsuite.record.TestRecords.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SweepSaturationTest {

    private static final SweepSaturation RULE = new SweepSaturation(0.95, 20);

    private static SweepLevel level(int n, double medianSpeed, double maxKv) {
        return new SweepLevel(n, OptionalDouble.of(medianSpeed), maxKv);
    }

    @Test
    void saturatedNeedsAFullCacheAndSlowRequests() {
        assertTrue(RULE.isSaturated(level(10, 12, 0.97)));
        assertTrue(RULE.isSaturated(level(10, 12, 0.95))); // full starts at the threshold
        assertFalse(RULE.isSaturated(level(10, 25, 0.99))); // full but still fast enough
        assertFalse(RULE.isSaturated(level(10, 20, 0.99))); // exactly the speed threshold is fast enough
        assertFalse(RULE.isSaturated(level(10, 5, 0.80))); // slow but the cache has room
        assertFalse(RULE.isSaturated(level(10, 5, -1))); // no metrics: no evidence
        assertFalse(RULE.isSaturated(new SweepLevel(10, OptionalDouble.empty(), 0.99))); // no valid request
    }

    @Test
    void stopsAfterTwoConsecutiveSaturatedLevels() {
        SweepLevel saturated6 = level(6, 15, 0.99);
        SweepLevel recovered8 = level(8, 25, 0.99);
        SweepLevel saturated10 = level(10, 12, 0.99);
        SweepLevel saturated14 = level(14, 9, 1.0);

        assertFalse(RULE.shouldStop(List.of()));
        assertFalse(RULE.shouldStop(List.of(saturated6)));
        assertFalse(RULE.shouldStop(List.of(saturated6, recovered8)));
        assertFalse(RULE.shouldStop(List.of(saturated6, recovered8, saturated10)));
        assertTrue(RULE.shouldStop(List.of(saturated6, recovered8, saturated10, saturated14)));
    }

    @Test
    void levelFromRunMetricsTakesTheMedianSpeedAndTheKvPeak() {
        // Speeds from beginning 2 / 0.4 = 5, 2 / 0.2 = 10, 2 / 0.1 = 20: median 10.
        List<QueryStats> queries = List.of(
                QueryStatsCalculator.compute(
                        request().startMs(0).endMs(400).chunksMs(100, 200).build(), ANCHOR),
                QueryStatsCalculator.compute(
                        request().startMs(0).endMs(200).chunksMs(100, 150).build(), ANCHOR),
                QueryStatsCalculator.compute(
                        request().startMs(0).endMs(100).chunksMs(50, 60).build(), ANCHOR));
        SweepLevel level = SweepLevel.of(6, RunMetrics.of(queries, new ServerPeaks(0.97, 6, 2), 1));
        assertEquals(6, level.parallelRequests());
        assertEquals(10, level.medianSpeed().orElseThrow(), 1e-9);
        assertEquals(0.97, level.maxKvCache(), 0);
        assertTrue(RULE.isSaturated(level));

        SweepLevel noValid = SweepLevel.of(8, RunMetrics.of(List.of(), new ServerPeaks(0.99, 8, 4), 1));
        assertTrue(noValid.medianSpeed().isEmpty());
    }

    @Test
    void consecutiveCountIsConfigurable() {
        SweepSaturation eager = new SweepSaturation(0.95, 20, 1);
        assertTrue(eager.shouldStop(List.of(level(1, 5, 0.99))));
        assertThrows(IllegalArgumentException.class, () -> new SweepSaturation(0.95, 20, 0));
    }
}
