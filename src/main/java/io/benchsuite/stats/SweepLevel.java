package io.benchsuite.stats;

import java.util.OptionalDouble;

/**
 * What the thresholds and the saturation rule need from one level of a generation-speed sweep.
 *
 * @param parallelRequests the level: requests kept in flight
 * @param medianSpeed      median per-request {@code speed_from_beginning}; empty when the level had no valid
 *                         request
 * @param maxKvCache       highest KV-cache usage seen during the level, 0 to 1; negative when the backend
 *                         has no metrics
 */
public record SweepLevel(int parallelRequests, OptionalDouble medianSpeed, double maxKvCache) {

    public SweepLevel {
        if (parallelRequests < 1) {
            throw new IllegalArgumentException("a level needs at least one parallel request: " + parallelRequests);
        }
    }

    public static SweepLevel of(int parallelRequests, RunMetrics metrics) {
        OptionalDouble median = metrics.aggregated()
                .get(AggregatedStatistic.SPEED_FROM_BEGINNING)
                .map(summary -> OptionalDouble.of(summary.median()))
                .orElse(OptionalDouble.empty());
        return new SweepLevel(parallelRequests, median, metrics.general().maxKvCache());
    }

    public boolean hasKvMetrics() {
        return maxKvCache >= 0;
    }

    /** Whether the median request was at least this fast; a level without valid requests never is. */
    public boolean medianSpeedAtLeast(double tokensPerSecond) {
        return medianSpeed.isPresent() && medianSpeed.getAsDouble() >= tokensPerSecond;
    }
}
