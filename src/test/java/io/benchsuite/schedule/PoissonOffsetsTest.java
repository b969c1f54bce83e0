package io.benchsuite.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PoissonOffsetsTest {

    @Test
    void increasingWithTheRequestedMeanRate() {
        double[] offsets = PoissonOffsets.of(20_000, 4.0, new SplittableRandom(42));
        for (int i = 1; i < offsets.length; i++) {
            assertTrue(offsets[i] > offsets[i - 1]);
        }
        double rate = offsets.length / offsets[offsets.length - 1];
        // Standard error of the rate estimate is about rate/sqrt(n) = 0.03; 5 sigma.
        assertEquals(4.0, rate, 0.15);
    }

    @Test
    void sameSeedSameSchedule() {
        assertArrayEquals(
                PoissonOffsets.of(50, 2, new SplittableRandom(7)), PoissonOffsets.of(50, 2, new SplittableRandom(7)));
    }

    @Test
    void infiniteRateSendsEverythingAtOnce() {
        assertArrayEquals(new double[3], PoissonOffsets.of(3, Double.POSITIVE_INFINITY, new SplittableRandom(1)));
    }

    @Test
    void nonPositiveRateIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> PoissonOffsets.of(3, 0, new SplittableRandom(1)));
    }
}
