package io.benchsuite.schedule;

import java.util.SplittableRandom;

/** Send offsets of a Poisson process: cumulative exponential gaps with mean 1/rate. Pure. */
public final class PoissonOffsets {

    private PoissonOffsets() {}

    /** {@code count} offsets in seconds, increasing; all 0 when the rate is infinite. */
    public static double[] of(int count, double ratePerSecond, SplittableRandom random) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("the request rate must be positive (or infinite), got " + ratePerSecond);
        }
        double[] offsets = new double[count];
        if (Double.isInfinite(ratePerSecond)) {
            return offsets;
        }
        double t = 0;
        for (int i = 0; i < count; i++) {
            // 1 - u is in (0, 1], so the logarithm is finite.
            t += -Math.log(1.0 - random.nextDouble()) / ratePerSecond;
            offsets[i] = t;
        }
        return offsets;
    }
}
