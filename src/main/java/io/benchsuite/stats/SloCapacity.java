package io.benchsuite.stats;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The capacity of one pair under its service-level objectives, read from the generation-speed levels that ran.
 *
 * @param capacity    the levels where every objective holds, read the two ways of {@link LevelThreshold}; the
 *                    {@code slo_capacity} of thresholds.csv is {@code largestQualifying} (0 when no level holds)
 * @param goodputRps  requests per second that met every objective at the capacity level (requests meeting
 *                    them all / the level's wall time); empty when no level holds
 */
public record SloCapacity(LevelThreshold capacity, OptionalDouble goodputRps) {

    /**
     * One level as the capacity needs it.
     *
     * @param parallelRequests the level
     * @param requests         its requests
     * @param durationSeconds  its wall time, seconds ({@code actual_total_time})
     */
    public record Level(int parallelRequests, List<SloSample> requests, double durationSeconds) {
        public Level {
            requests = List.copyOf(requests);
        }
    }

    /** The capacity over these levels (any order, each level once). */
    public static SloCapacity of(SloCriterion criterion, List<Level> levels) {
        List<Level> ascending = levels.stream()
                .sorted(Comparator.comparingInt(Level::parallelRequests))
                .toList();
        int largest = 0;
        int beforeFirstFailure = 0;
        boolean failed = false;
        OptionalDouble goodput = OptionalDouble.empty();
        for (Level level : ascending) {
            if (criterion.holds(level.requests())) {
                largest = level.parallelRequests();
                goodput = criterion.goodput(level.requests(), level.durationSeconds());
                if (!failed) {
                    beforeFirstFailure = largest;
                }
            } else {
                failed = true;
            }
        }
        return new SloCapacity(new LevelThreshold(largest, beforeFirstFailure), goodput);
    }
}
