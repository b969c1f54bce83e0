package io.benchsuite.record;

import java.time.Instant;

/**
 * One pairing of {@link System#nanoTime()} with wall-clock epoch seconds, taken once at run start.
 *
 * <p>Every duration is computed from nanoTime differences (monotonic, immune to clock steps); the anchor is
 * only used to print instants as epoch seconds, the unit of the original tool's JSON. Mapping all instants
 * of a run through one anchor keeps their differences exactly equal to the nanoTime differences.
 */
public record TimeAnchor(long nanos, double epochSeconds) {

    private static final double NANOS_PER_SECOND = 1e9;

    /**
     * Reads both clocks now. The wall clock is read between two nanoTime reads and paired with their
     * midpoint, so the pairing error is at most half the time one {@code Instant.now()} takes.
     */
    public static TimeAnchor capture() {
        long before = System.nanoTime();
        Instant wall = Instant.now();
        long after = System.nanoTime();
        long midpoint = before + (after - before) / 2;
        return new TimeAnchor(midpoint, wall.getEpochSecond() + wall.getNano() / NANOS_PER_SECOND);
    }

    /** The epoch seconds of an instant given in {@link System#nanoTime()} units. */
    public double toEpochSeconds(long nanoTime) {
        return epochSeconds + (nanoTime - nanos) / NANOS_PER_SECOND;
    }

    /** Seconds from {@code fromNanos} to {@code toNanos}, both in {@link System#nanoTime()} units. */
    public static double secondsBetween(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / NANOS_PER_SECOND;
    }
}
