package io.benchsuite.stats;

import java.util.List;

/**
 * One measured level of a generation-speed sweep with everything a {@link LevelCriterion} may ask of it.
 *
 * @param parallelRequests the level: requests kept in flight
 * @param queries          every request of the level, valid or not, as the statistics see them
 * @param metrics          the level's aggregated figures, computed from {@code queries}
 * @param durationSeconds  wall time of the level in seconds, for rates such as goodput
 */
public record MeasuredLevel(
        int parallelRequests, List<QueryStats> queries, RunMetrics metrics, double durationSeconds) {

    public MeasuredLevel {
        queries = List.copyOf(queries);
    }

    /** The level as the speed and KV-cache thresholds see it. */
    public SweepLevel sweepLevel() {
        return SweepLevel.of(parallelRequests, metrics);
    }
}
