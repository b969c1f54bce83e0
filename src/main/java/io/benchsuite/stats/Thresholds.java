package io.benchsuite.stats;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The {@code thresholds.csv} numbers of a pair's generation-speed sweep: up to which number of parallel
 * requests each request still gets a given speed, and up to which the KV cache is not full.
 */
public final class Thresholds {

    /** The original tool's per-request speed threshold, tokens per second. */
    public static final double DEFAULT_SPEED_THRESHOLD = 20.0;
    /** The original tool's KV-cache threshold: "full" starts at 95 % usage (its README said 100 %). */
    public static final double DEFAULT_KV_CACHE_THRESHOLD = 0.95;

    private Thresholds() {}

    /** Levels whose median {@code speed_from_beginning} is at least {@code tokensPerSecond} qualify. */
    public static LevelThreshold speed(List<SweepLevel> levels, double tokensPerSecond) {
        return threshold(levels, level -> level.medianSpeedAtLeast(tokensPerSecond));
    }

    /**
     * Levels whose highest KV-cache usage stays strictly below {@code kvThreshold} qualify. Empty when any
     * level lacks KV metrics: a threshold over partial data would look valid and be wrong.
     */
    public static Optional<LevelThreshold> kvCache(List<SweepLevel> levels, double kvThreshold) {
        if (!levels.stream().allMatch(SweepLevel::hasKvMetrics)) {
            return Optional.empty();
        }
        return Optional.of(threshold(levels, level -> level.maxKvCache() < kvThreshold));
    }

    private static LevelThreshold threshold(List<SweepLevel> levels, Predicate<SweepLevel> qualifies) {
        List<SweepLevel> ascending = levels.stream()
                .sorted(Comparator.comparingInt(SweepLevel::parallelRequests))
                .toList();
        for (int i = 1; i < ascending.size(); i++) {
            if (ascending.get(i).parallelRequests() == ascending.get(i - 1).parallelRequests()) {
                throw new IllegalArgumentException("level " + ascending.get(i).parallelRequests() + " appears twice");
            }
        }
        int largest = 0;
        int beforeFirstFailure = 0;
        boolean failed = false;
        for (SweepLevel level : ascending) {
            if (qualifies.test(level)) {
                largest = level.parallelRequests();
                if (!failed) {
                    beforeFirstFailure = level.parallelRequests();
                }
            } else {
                failed = true;
            }
        }
        return new LevelThreshold(largest, beforeFirstFailure);
    }
}
