package io.benchsuite.stats;

import java.util.OptionalDouble;

/**
 * The speed threshold of {@code thresholds.csv} as a {@link LevelCriterion}: a level holds when its median
 * per-request {@code speed_from_beginning} is at least the threshold, in tokens per second (the same test as
 * {@link Thresholds#speed}).
 *
 * <p>Its margin is the share of the per-token time budget left, {@code 1 - threshold / median speed}: time per
 * output token (the speed's reciprocal) grows about linearly with the number of parallel requests on a
 * decode-bound server (each decode step carries the whole batch), so this margin is close to linear in the
 * level where the speed itself is not. On the measured simulator curve 1/speed is within 4 % of a line from
 * 1 to 38 parallel requests, while the speed falls by half.
 *
 * @param tokensPerSecond the speed-threshold setting, tokens per second
 */
public record SpeedThresholdCriterion(double tokensPerSecond) implements LevelCriterion {

    /** The name in {@code parameters.json}'s sweep reasons. */
    public static final String NAME = "speed_threshold";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean holds(MeasuredLevel level) {
        return level.sweepLevel().medianSpeedAtLeast(tokensPerSecond);
    }

    /** {@code 1 - tokensPerSecond / median speed}; empty without a valid request or with a median speed of 0. */
    @Override
    public OptionalDouble margin(MeasuredLevel level) {
        OptionalDouble median = level.sweepLevel().medianSpeed();
        if (median.isEmpty() || !(median.getAsDouble() > 0)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(1 - tokensPerSecond / median.getAsDouble());
    }
}
