package io.benchsuite.schedule;

import java.util.Locale;

/** The three ways of sending requests, with the original tool's names. */
public enum QueryProfile {
    /** Exactly N requests in flight: a new one is sent when one ends (closed loop). */
    CONSTANT_NUMBER_OF_QUERIES,
    /** Bursts of 1, 2, 3... simultaneous requests; the next burst starts when all are done. */
    GROWING_REQUESTS,
    /** Poisson arrivals at a given rate (open loop), or all at once with rate inf. */
    REQUEST_RATE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static QueryProfile parse(String text) {
        for (QueryProfile p : values()) {
            if (p.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException(text);
    }
}
