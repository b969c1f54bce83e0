package io.benchsuite.stats;

/** The coarse rounding of the model card, which prints "~k" figures rather than false precision. */
public final class Rounding {

    /** Step of the prompt ingestion speed on the model card, tokens per second. */
    public static final long INGESTION_SPEED_STEP = 250;
    /** Step of the KV-cache capacity on the model card, tokens. */
    public static final long KV_CAPACITY_STEP = 25_000;

    private Rounding() {}

    /** {@code value} rounded down to a multiple of {@code step}. */
    public static long roundDown(long value, long step) {
        if (step <= 0) {
            throw new IllegalArgumentException("step must be positive: " + step);
        }
        return Math.floorDiv(value, step) * step;
    }
}
