package io.benchsuite.report;

import io.benchsuite.stats.LevelThreshold;
import java.util.List;
import java.util.Locale;

/**
 * Whether a threshold of {@code thresholds.csv} was found between two levels that ran, or lies outside them:
 * a sweep that never crossed the limit says nothing about where it is, and must not read as if it did.
 */
public enum ThresholdStatus {
    /** Some level met the criterion and some level failed it: the limit lies within the levels run. */
    MEASURED,
    /** Every level run met the criterion: the limit is above the highest level run. */
    NOT_REACHED,
    /** No level met the criterion: the limit is below the lowest level run. */
    BELOW_LOWEST_LEVEL;

    /**
     * @param threshold the threshold read from {@code levels}
     * @param levels    the levels it was read from (parallel requests), at least one
     */
    public static ThresholdStatus of(LevelThreshold threshold, List<Integer> levels) {
        int highest = levels.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (threshold.largestQualifying() == 0) {
            return BELOW_LOWEST_LEVEL;
        }
        // The first crossing equals the highest level only when no level failed on the way up.
        return threshold.lastBeforeFirstFailure() == highest ? NOT_REACHED : MEASURED;
    }

    /** The CSV value: {@code measured}, {@code not_reached} or {@code below_lowest_level}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
