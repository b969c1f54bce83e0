package io.benchsuite.health;

/**
 * A span during which the client could not read what the server sent on time: a garbage-collection pause
 * (every thread stopped) or an event loop that ran its probe late (a thread that reads streams was busy or
 * not scheduled).
 *
 * @param startNanos {@link System#nanoTime()} when the stall began
 * @param endNanos   {@link System#nanoTime()} when it ended; not before {@code startNanos}
 * @param cause      what stalled
 */
public record Stall(long startNanos, long endNanos, Cause cause) {

    /** What stalled the client. */
    public enum Cause {
        /** A stop-the-world garbage-collection pause. */
        GC_PAUSE,
        /** An event loop ran its probe (every 2 ms) late. */
        EVENT_LOOP_LAG
    }

    public Stall {
        if (endNanos < startNanos) {
            throw new IllegalArgumentException("a stall ends before it starts");
        }
    }

    /** Length in milliseconds. */
    public double millis() {
        return (endNanos - startNanos) / 1e6;
    }

    /** True when the stall and the closed span [from, to] (nanoTime) share an instant. */
    public boolean overlaps(long from, long to) {
        return startNanos <= to && endNanos >= from;
    }
}
