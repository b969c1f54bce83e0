package io.benchsuite.stats;

import java.util.OptionalDouble;

/**
 * A yes/no question about one measured level of a generation-speed sweep, expected to hold at low load and to
 * stop holding above some number of parallel requests: the speed threshold (median speed at least S tokens per
 * second), the KV-cache threshold (peak KV-cache usage below K) and the service-level objectives of
 * {@code --slo} are criteria. The adaptive sweep searches the level where each criterion stops holding; the
 * thresholds and the capacity under the objectives are read from the levels where they hold.
 */
public interface LevelCriterion {

    /** The criterion's name in {@code parameters.json} and the report, e.g. {@code speed_threshold}. */
    String name();

    /** Whether {@code level} meets the criterion; a level with no valid request never does. */
    boolean holds(MeasuredLevel level);

    /**
     * How far {@code level} is from the criterion's bound, signed: positive when it holds, negative when it fails,
     * on a scale meant to vary about linearly with the number of parallel requests (so that the adaptive sweep
     * can interpolate and extrapolate it to propose the next level). A dimensionless number; empty when the level
     * says nothing measurable about the bound (no KV metrics, no valid request) or the distance is infinite.
     *
     * <p>Only a proposal: whether the criterion holds is {@link #holds} alone, so a margin whose sign disagrees
     * with it costs the search levels, never a wrong answer. The default is empty (no margin: the sweep doubles
     * and bisects).
     */
    default OptionalDouble margin(MeasuredLevel level) {
        return OptionalDouble.empty();
    }
}
