package io.benchsuite.report.model;

import io.benchsuite.stats.LevelThreshold;
import io.benchsuite.stats.SloCapacity;
import io.benchsuite.stats.TotalSpeedGeneration;
import java.util.List;
import java.util.Optional;

/**
 * The generation-speed sweep of one (input, output) pair.
 *
 * @param pair              the pair
 * @param levels            the levels kept by the validity filter, by increasing N
 * @param speedThreshold    up to which N the median request reaches the speed threshold
 * @param kvCacheThreshold  up to which N the KV cache stays below its threshold; empty without KV metrics
 * @param totalSpeed        aggregate tokens/s per level
 * @param levelsRun         every level that left a readable file, kept or not, by increasing N
 * @param levelsFilteredOut levels that ran but had too few valid queries to be used
 * @param slo               capacity and goodput under the service-level objectives, over the kept levels; empty
 *                          without objectives or without per-request records
 */
public record PairReport(
        Pair pair,
        List<LevelReport> levels,
        LevelThreshold speedThreshold,
        Optional<LevelThreshold> kvCacheThreshold,
        Optional<TotalSpeedGeneration> totalSpeed,
        List<Integer> levelsRun,
        List<Integer> levelsFilteredOut,
        Optional<SloCapacity> slo) {

    /** A pair without service-level objectives. */
    public PairReport(
            Pair pair,
            List<LevelReport> levels,
            LevelThreshold speedThreshold,
            Optional<LevelThreshold> kvCacheThreshold,
            Optional<TotalSpeedGeneration> totalSpeed,
            List<Integer> levelsRun,
            List<Integer> levelsFilteredOut) {
        this(
                pair,
                levels,
                speedThreshold,
                kvCacheThreshold,
                totalSpeed,
                levelsRun,
                levelsFilteredOut,
                Optional.empty());
    }

    public PairReport {
        levels = List.copyOf(levels);
        levelsRun = List.copyOf(levelsRun);
        levelsFilteredOut = List.copyOf(levelsFilteredOut);
    }

    public Optional<LevelReport> level(int parallelRequests) {
        return levels.stream()
                .filter(level -> level.parallelRequests() == parallelRequests)
                .findFirst();
    }

    public boolean hasKvMetrics() {
        return !levels.isEmpty() && levels.stream().allMatch(LevelReport::hasKvMetrics);
    }
}
