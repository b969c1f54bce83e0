package io.benchsuite.stats;

/**
 * A yes/no question about one measured level of a generation-speed sweep, expected to hold at low load and to
 * stop holding above some number of parallel requests: the speed threshold (median speed at least S tokens per
 * second), the KV-cache threshold (peak KV-cache usage below K) and the service-level objectives of
 * {@code --slo} are criteria. The adaptive sweep brackets and bisects the level where each criterion stops
 * holding; the thresholds and the capacity under the objectives are read from the levels where they hold.
 */
public interface LevelCriterion {

    /** The criterion's name in {@code parameters.json} and the report, e.g. {@code speed_threshold}. */
    String name();

    /** Whether {@code level} meets the criterion; a level with no valid request never does. */
    boolean holds(MeasuredLevel level);
}
