package io.benchsuite.schedule;

import java.util.Arrays;

/**
 * The adaptive sweep's early end of a level: stop sending once the median per-request speed is known well
 * enough. Pure: speeds in, yes/no out.
 *
 * <p>The rule: with at least {@code minValidRequests} valid requests finished, the distribution-free 95 %
 * confidence interval of the median (order statistics: the ranks {@code floor(n/2 - 1.96 sqrt(n)/2)} and
 * {@code ceil(1 + n/2 + 1.96 sqrt(n)/2)}, counted from 1, of the n sorted speeds; the normal approximation of
 * the binomial, Conover, Practical Nonparametric Statistics, 3rd ed., section 3.2) lies within
 * {@code relativeHalfWidth} of the median on both sides. Requests already sent still run to completion, so
 * the level ends with a few more requests than the rule saw. Used on top of a {@link StopRule}: a level stops at
 * the earlier of the two, and never after the rule's maximum duration.
 *
 * @param minValidRequests  valid requests that must have finished before the interval is trusted (at least 1);
 *                          the suite uses min-number-of-valid-queries, so that a level stopped early is never
 *                          left out of the report for having too few
 * @param relativeHalfWidth how far the interval's ends may be from the median, as a fraction of it (0.02: +-2 %)
 */
public record PrecisionStop(int minValidRequests, double relativeHalfWidth) {

    /** +-2 % of the median: the figure, finer than the report's rounding of speeds. */
    public static final double DEFAULT_RELATIVE_HALF_WIDTH = 0.02;

    /** The 97.5 % quantile of the standard normal distribution: a two-sided 95 % interval. */
    static final double Z_95 = 1.959964;

    public PrecisionStop {
        if (minValidRequests < 1 || !(relativeHalfWidth > 0)) {
            throw new IllegalArgumentException("the precision stop needs at least one request and a positive width");
        }
    }

    /**
     * Whether a benchmark may send another request.
     *
     * @param rule           the level's durations and target count
     * @param elapsedSeconds seconds since the level started sending
     * @param sent           requests sent so far
     * @param validSpeeds    per-request speeds (tokens per second) of the valid requests finished so far
     */
    public boolean mayContinue(StopRule rule, double elapsedSeconds, int sent, double[] validSpeeds) {
        return rule.mayContinue(elapsedSeconds, sent) && !precise(validSpeeds);
    }

    /** Whether the speeds are enough and their median's interval is within the width; any order. */
    public boolean precise(double[] validSpeeds) {
        if (validSpeeds.length < minValidRequests) {
            return false;
        }
        double[] sorted = validSpeeds.clone();
        Arrays.sort(sorted);
        double[] interval = medianInterval(sorted);
        if (interval.length == 0) {
            return false;
        }
        double median = median(sorted);
        return median > 0
                && median - interval[0] <= relativeHalfWidth * median
                && interval[1] - median <= relativeHalfWidth * median;
    }

    /**
     * The 95 % confidence interval of the median of {@code sorted} (ascending) by order statistics, as
     * {@code {low, high}}; empty when there are too few values for ranks inside the sample (n < 6).
     */
    public static double[] medianInterval(double[] sorted) {
        int n = sorted.length;
        double spread = Z_95 * Math.sqrt(n) / 2;
        int low = (int) Math.floor(n / 2.0 - spread);
        int high = (int) Math.ceil(1 + n / 2.0 + spread);
        if (low < 1 || high > n) {
            return new double[0];
        }
        return new double[] {sorted[low - 1], sorted[high - 1]};
    }

    /** The median of {@code sorted} (ascending): the middle value, or the mean of the two middle ones. */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
