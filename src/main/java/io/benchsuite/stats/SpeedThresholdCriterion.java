package io.benchsuite.stats;

/**
 * The speed threshold of {@code thresholds.csv} as a {@link LevelCriterion}: a level holds when its median
 * per-request {@code speed_from_beginning} is at least the threshold, in tokens per second (the same test as
 * {@link Thresholds#speed}).
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
}
