package io.benchsuite.stats;

/**
 * The highest concurrency level that still met a criterion, read two ways. Both are 0 when no level does.
 *
 * @param largestQualifying     the largest level that meets it, wherever it sits (the original tool's
 *                              definition; a noisy level can make the answer non-contiguous)
 * @param lastBeforeFirstFailure the last level before the first one that fails, walking up from the
 *                              smallest (the first crossing; the largest level when none fails)
 */
public record LevelThreshold(int largestQualifying, int lastBeforeFirstFailure) {

    public static final LevelThreshold NONE = new LevelThreshold(0, 0);
}
