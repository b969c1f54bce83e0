package io.benchsuite.health;

/**
 * Event-loop lags in buckets of 0.1 ms from 0 to 100 ms, plus the exact maximum: enough for a p99 to 0.1 ms
 * without keeping a sample per probe (a probe runs 1,000 times a second on each event loop, for as long as a
 * benchmark lasts). Lags of 100 ms and more share the last bucket. Not thread-safe: each event loop keeps its
 * own and the monitor merges them.
 */
final class LagHistogram {

    static final double BUCKET_MS = 0.1;
    private static final int BUCKETS = 1001;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private double maxMs;

    /** @param lagMs how late a probe ran, in milliseconds; negative values count as 0 */
    void add(double lagMs) {
        double lag = Math.max(0, lagMs);
        counts[(int) Math.min(BUCKETS - 1, Math.floor(lag / BUCKET_MS))]++;
        total++;
        maxMs = Math.max(maxMs, lag);
    }

    void addAll(LagHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        maxMs = Math.max(maxMs, other.maxMs);
    }

    long count() {
        return total;
    }

    double maxMs() {
        return maxMs;
    }

    /**
     * The upper edge of the bucket holding the {@code fraction} quantile (nearest rank), in milliseconds, capped
     * at the maximum seen (the maximum itself for the open last bucket); 0 when empty.
     */
    double quantileMs(double fraction) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(fraction * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return i == BUCKETS - 1 ? maxMs : Math.min(maxMs, (i + 1) * BUCKET_MS);
            }
        }
        return maxMs;
    }
}
