package io.benchsuite.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

    private static SweepLevel level(int n, double medianSpeed, double maxKv) {
        return new SweepLevel(n, OptionalDouble.of(medianSpeed), maxKv);
    }

    /** Level 4 fails both criteria, level 6 passes both again (noise), level 8 fails both. Given unsorted. */
    private static final List<SweepLevel> NOISY_SWEEP =
            List.of(level(6, 25, 0.90), level(1, 50, 0.20), level(8, 10, 0.99), level(2, 40, 0.50), level(4, 15, 0.96));

    @Test
    void speedThresholdReadsBothWays() {
        assertEquals(new LevelThreshold(6, 2), Thresholds.speed(NOISY_SWEEP, 20));
        // 40 qualifies at exactly the threshold (>=).
        assertEquals(new LevelThreshold(2, 2), Thresholds.speed(NOISY_SWEEP, 40));
        assertEquals(LevelThreshold.NONE, Thresholds.speed(NOISY_SWEEP, 60));
        assertEquals(new LevelThreshold(8, 8), Thresholds.speed(NOISY_SWEEP, 5));
        assertEquals(LevelThreshold.NONE, Thresholds.speed(List.of(), 20));
    }

    @Test
    void kvCacheThresholdIsStrictlyBelowTheLimit() {
        assertEquals(
                new LevelThreshold(6, 2), Thresholds.kvCache(NOISY_SWEEP, 0.95).orElseThrow());
        // 0.90 is not below 0.90.
        assertEquals(
                new LevelThreshold(2, 2), Thresholds.kvCache(NOISY_SWEEP, 0.90).orElseThrow());
        assertEquals(
                new LevelThreshold(8, 8), Thresholds.kvCache(NOISY_SWEEP, 1.0).orElseThrow());
        assertEquals(LevelThreshold.NONE, Thresholds.kvCache(NOISY_SWEEP, 0.1).orElseThrow());
    }

    @Test
    void kvCacheThresholdNeedsMetricsAtEveryLevel() {
        assertTrue(Thresholds.kvCache(List.of(level(1, 50, -1), level(2, 40, -1)), 0.95)
                .isEmpty());
        assertTrue(Thresholds.kvCache(List.of(level(1, 50, 0.1), level(2, 40, -1)), 0.95)
                .isEmpty());
    }

    @Test
    void levelWithoutValidRequestsNeverQualifiesForSpeed() {
        List<SweepLevel> levels =
                List.of(level(1, 50, 0.1), new SweepLevel(2, OptionalDouble.empty(), 0.2), level(3, 30, 0.3));
        assertEquals(new LevelThreshold(3, 1), Thresholds.speed(levels, 20));
    }

    @Test
    void rejectsTheSameLevelTwice() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Thresholds.speed(List.of(level(2, 50, 0.1), level(2, 40, 0.2)), 20));
    }
}
