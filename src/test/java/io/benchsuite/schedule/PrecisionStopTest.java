package io.benchsuite.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The adaptive sweep's stop rule on seeded samples of per-request speeds, with no clock. */
class PrecisionStopTest {

    private static final StopRule RULE = new StopRule(900, 60, 100);
    private static final PrecisionStop STOP = new PrecisionStop(50, 0.02);

    /** n speeds around {@code median} tokens/s with a normal spread of {@code relativeSd} of it, seeded. */
    private static double[] speeds(long seed, int n, double median, double relativeSd) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            // Box-Muller: a standard normal draw from two uniforms.
            double z = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            out[i] = median * (1 + relativeSd * z);
        }
        return out;
    }

    @Test
    void aTightSampleStopsOnceTheMinimumHasFinished() {
        double[] tight = speeds(42, 60, 35, 0.02);
        assertTrue(STOP.precise(tight));
        // Before the minimum count nothing is trusted, however tight.
        assertFalse(STOP.precise(Arrays.copyOf(tight, 49)));
        // Early in the level, long before its min duration and target count: the precision ends it.
        assertTrue(RULE.mayContinue(5, 60));
        assertFalse(STOP.mayContinue(RULE, 5, 60, tight));
    }

    @Test
    void aWideSampleGoesOnUntilItHasEnoughRequests() {
        double[] wide = speeds(7, 60, 35, 0.20);
        assertFalse(STOP.precise(wide));
        assertTrue(STOP.mayContinue(RULE, 5, 60, wide));
        // The interval narrows as 1 / sqrt(n): with 20 % spread, a few thousand requests reach +-2 %.
        assertTrue(STOP.precise(speeds(7, 4000, 35, 0.20)));
    }

    @Test
    void theStopRuleStillEndsALevelThatNeverGetsPrecise() {
        double[] wide = speeds(11, 60, 35, 0.5);
        assertFalse(STOP.mayContinue(RULE, 900, 60, wide)); // max duration
        assertFalse(STOP.mayContinue(RULE, 61, 100, wide)); // min duration and target count, as in the grid
    }

    @Test
    void theIntervalIsTheOrderStatisticsOfTheBinomialRanks() {
        double[] sorted = new double[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1; // 1..100
        }
        // n = 100: ranks floor(50 - 9.8) = 40 and ceil(51 + 9.8) = 61.
        assertArrayEquals(new double[] {40, 61}, PrecisionStop.medianInterval(sorted));
        assertEquals(50.5, PrecisionStop.median(sorted), 0);
        // Too few values for ranks inside the sample: no interval, never precise.
        assertEquals(0, PrecisionStop.medianInterval(new double[] {1, 2, 3, 4, 5}).length);
        assertFalse(new PrecisionStop(1, 0.02).precise(new double[] {10, 10, 10, 10, 10}));
        assertTrue(new PrecisionStop(1, 0.02).precise(new double[] {10, 10, 10, 10, 10, 10, 10, 10}));
    }

    @Test
    void nonsenseSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new PrecisionStop(0, 0.02));
        assertThrows(IllegalArgumentException.class, () -> new PrecisionStop(5, 0));
    }
}
