package io.benchsuite.stats;

import java.util.List;

/**
 * When a generation-speed sweep may stop early: once the server is saturated, more parallel requests only
 * queue, so further levels cost time without telling anything new. A level is saturated when its KV cache
 * was full ({@code maxKvCache >= kvThreshold}) and its median request was slower than
 * {@code speedThreshold}; both must hold, since a full cache alone can still serve every request fast enough.
 * One saturated level can be noise, so the sweep stops after {@code consecutiveLevels} in a row.
 *
 * <p>A level without KV metrics or without valid requests is never saturated: the rule stops only on
 * evidence, never on missing data.
 */
public record SweepSaturation(double kvThreshold, double speedThreshold, int consecutiveLevels) {

    public static final int DEFAULT_CONSECUTIVE_LEVELS = 2;

    public SweepSaturation {
        if (consecutiveLevels < 1) {
            throw new IllegalArgumentException("consecutiveLevels must be at least 1: " + consecutiveLevels);
        }
    }

    public SweepSaturation(double kvThreshold, double speedThreshold) {
        this(kvThreshold, speedThreshold, DEFAULT_CONSECUTIVE_LEVELS);
    }

    public boolean isSaturated(SweepLevel level) {
        return level.hasKvMetrics()
                && level.maxKvCache() >= kvThreshold
                && level.medianSpeed().isPresent()
                && level.medianSpeed().getAsDouble() < speedThreshold;
    }

    /** @param levelsSoFar the levels already run, in the order they ran */
    public boolean shouldStop(List<SweepLevel> levelsSoFar) {
        int size = levelsSoFar.size();
        if (size < consecutiveLevels) {
            return false;
        }
        return levelsSoFar.subList(size - consecutiveLevels, size).stream().allMatch(this::isSaturated);
    }
}
