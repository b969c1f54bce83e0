package io.benchsuite.stats;

import java.util.OptionalDouble;

/**
 * The KV-cache threshold of {@code thresholds.csv} as a {@link LevelCriterion}: a level holds when the highest
 * KV-cache usage seen during it stays strictly below the threshold (the same test as {@link Thresholds#kvCache}).
 * A level without KV metrics (usage negative) says nothing about the cache, so it holds: without metrics this
 * criterion never narrows the search, and {@code thresholds.csv} leaves the KV threshold empty anyway.
 *
 * <p>Its margin is {@code threshold - max KV-cache usage} (0-1 fractions): the cache holds about the tokens of
 * the requests in flight, so usage grows about linearly with the level.
 *
 * @param threshold the kv-cache-threshold setting, a 0-1 fraction
 */
public record KvCacheThresholdCriterion(double threshold) implements LevelCriterion {

    /** The name in {@code parameters.json}'s sweep reasons. */
    public static final String NAME = "kv_cache_threshold";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean holds(MeasuredLevel level) {
        SweepLevel sweep = level.sweepLevel();
        return !sweep.hasKvMetrics() || sweep.maxKvCache() < threshold;
    }

    /** {@code threshold - max KV-cache usage}; empty without KV metrics. */
    @Override
    public OptionalDouble margin(MeasuredLevel level) {
        SweepLevel sweep = level.sweepLevel();
        return sweep.hasKvMetrics() ? OptionalDouble.of(threshold - sweep.maxKvCache()) : OptionalDouble.empty();
    }
}
