package io.benchsuite.stats;

/**
 * The original tool's "total waiting time" of a request: the time to first token plus the part of every
 * unusually long gap between chunks that exceeds a stall threshold. It estimates how long the request sat
 * waiting (queued, or pre-empted by the scheduler) rather than being generated.
 */
public final class WaitingTime {

    /** Below this many arrivals the gaps are too few to tell a stall from noise; only the TTFT counts. */
    static final int MIN_ARRIVALS_FOR_STALL_DETECTION = 11;

    private static final double STALL_STANDARD_DEVIATIONS = 3;

    private WaitingTime() {}

    /**
     * @param timeToFirstToken seconds from send to the first chunk
     * @param gaps             seconds between consecutive chunk arrivals (one fewer than the arrivals)
     */
    public static double total(double timeToFirstToken, double[] gaps) {
        int arrivals = gaps.length + 1;
        if (arrivals < MIN_ARRIVALS_FOR_STALL_DETECTION) {
            return timeToFirstToken;
        }
        double threshold = stallThreshold(gaps);
        double stalled = 0;
        for (double gap : gaps) {
            if (gap > threshold) {
                stalled += gap - threshold;
            }
        }
        return timeToFirstToken + stalled;
    }

    /** A gap longer than the median gap plus three sample standard deviations counts as a stall. */
    public static double stallThreshold(double[] gaps) {
        return Percentiles.median(gaps) + STALL_STANDARD_DEVIATIONS * Percentiles.sampleStandardDeviation(gaps);
    }
}
