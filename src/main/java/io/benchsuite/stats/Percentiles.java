package io.benchsuite.stats;

import java.util.Arrays;

/**
 * The summary statistics of the original tool, computed the way numpy computes them by default so that
 * numbers stay comparable with results it produced:
 * <ul>
 *   <li>percentile: linear interpolation between the closest ranks, at rank {@code p/100 * (n-1)} of the
 *       sorted values (numpy's default method, "linear");</li>
 *   <li>median: the middle value, or the mean of the two middle values for an even count;</li>
 *   <li>standard deviation: the sample one, dividing by {@code n-1} ({@code ddof=1}).</li>
 * </ul>
 * Empty input is a caller bug here (numpy answers NaN with a warning, which would leak into JSON), so every
 * method rejects it.
 */
public final class Percentiles {

    private Percentiles() {}

    /** The p-th percentile, {@code 0 <= p <= 100}. */
    public static double percentile(double[] values, double p) {
        return percentileOfSorted(sortedCopy(values), p);
    }

    public static double median(double[] values) {
        return medianOfSorted(sortedCopy(values));
    }

    public static double mean(double[] values) {
        requireNonEmpty(values);
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    /** Sample standard deviation (divides by {@code n-1}); needs at least two values. */
    public static double sampleStandardDeviation(double[] values) {
        if (values.length < 2) {
            throw new IllegalArgumentException("a sample standard deviation needs at least two values");
        }
        double mean = mean(values);
        double squares = 0;
        for (double value : values) {
            double deviation = value - mean;
            squares += deviation * deviation;
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    /** Mean, median and the eight percentiles of the original tool's aggregated metrics, sorting once. */
    public static DistributionSummary summarize(double[] values) {
        double[] sorted = sortedCopy(values);
        return new DistributionSummary(
                mean(sorted),
                medianOfSorted(sorted),
                percentileOfSorted(sorted, 1),
                percentileOfSorted(sorted, 5),
                percentileOfSorted(sorted, 10),
                percentileOfSorted(sorted, 25),
                percentileOfSorted(sorted, 75),
                percentileOfSorted(sorted, 90),
                percentileOfSorted(sorted, 95),
                percentileOfSorted(sorted, 99));
    }

    static double percentileOfSorted(double[] sorted, double p) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be within [0, 100]: " + p);
        }
        double rank = p / 100 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return interpolate(sorted[below], sorted[above], rank - below);
    }

    /**
     * Linear interpolation written as numpy writes it: from the lower end for fractions below one half and
     * from the upper end otherwise, which keeps the result exact at both ends and monotonic.
     */
    private static double interpolate(double low, double high, double fraction) {
        double difference = high - low;
        return fraction < 0.5 ? low + difference * fraction : high - difference * (1 - fraction);
    }

    private static double medianOfSorted(double[] sorted) {
        int n = sorted.length;
        int middle = n / 2;
        return n % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double[] sortedCopy(double[] values) {
        requireNonEmpty(values);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    private static void requireNonEmpty(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to summarise");
        }
    }
}
