package io.benchsuite.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    private static final double EPS = 1e-12;

    @Test
    void percentileInterpolatesLinearlyAtRankPTimesNMinusOne() {
        double[] values = {4, 1, 3, 2}; // sorted 1,2,3,4; rank = p/100 * 3
        assertEquals(1.0, Percentiles.percentile(values, 0), EPS);
        assertEquals(1.03, Percentiles.percentile(values, 1), EPS); // rank 0.03
        assertEquals(1.75, Percentiles.percentile(values, 25), EPS); // rank 0.75
        assertEquals(3.25, Percentiles.percentile(values, 75), EPS); // rank 2.25
        assertEquals(3.97, Percentiles.percentile(values, 99), EPS); // rank 2.97
        assertEquals(4.0, Percentiles.percentile(values, 100), EPS);
        // numpy documentation's example: the 50th percentile of [[10, 7, 4], [3, 2, 1]] is 3.5.
        assertEquals(3.5, Percentiles.percentile(new double[] {10, 7, 4, 3, 2, 1}, 50), EPS);
        // rank 0.4 * 4 = 1.6 between 20 and 35: 20 + 0.6 * 15.
        assertEquals(29.0, Percentiles.percentile(new double[] {15, 20, 35, 40, 50}, 40), EPS);
    }

    @Test
    void medianIsTheMiddleValueOrTheMeanOfTheTwoMiddleValues() {
        assertEquals(2.0, Percentiles.median(new double[] {3, 1, 2}), EPS);
        assertEquals(2.5, Percentiles.median(new double[] {4, 1, 3, 2}), EPS);
        assertEquals(7.0, Percentiles.median(new double[] {7}), EPS);
    }

    @Test
    void standardDeviationIsTheSampleOneDividingByNMinusOne() {
        // mean 5, squared deviations sum to 32: sample std sqrt(32/7), population std would be exactly 2.
        double[] values = {2, 4, 4, 4, 5, 5, 7, 9};
        assertEquals(5.0, Percentiles.mean(values), EPS);
        assertEquals(Math.sqrt(32.0 / 7), Percentiles.sampleStandardDeviation(values), EPS);
    }

    @Test
    void summaryHoldsMeanMedianAndTheEightPercentiles() {
        DistributionSummary summary = Percentiles.summarize(new double[] {4, 1, 3, 2});
        assertArrayEquals(
                new double[] {2.5, 2.5, 1.03, 1.15, 1.3, 1.75, 3.25, 3.7, 3.85, 3.97},
                new double[] {
                    summary.mean(),
                    summary.median(),
                    summary.percentile1(),
                    summary.percentile5(),
                    summary.percentile10(),
                    summary.percentile25(),
                    summary.percentile75(),
                    summary.percentile90(),
                    summary.percentile95(),
                    summary.percentile99()
                },
                EPS);
        assertEquals(
                java.util.List.of(
                        "mean",
                        "median",
                        "percentile_1",
                        "percentile_5",
                        "percentile_10",
                        "percentile_25",
                        "percentile_75",
                        "percentile_90",
                        "percentile_95",
                        "percentile_99"),
                java.util.List.copyOf(JsonMaps.of(summary).keySet()));
    }

    @Test
    void inputIsNotReordered() {
        double[] values = {3, 1, 2};
        Percentiles.summarize(values);
        assertArrayEquals(new double[] {3, 1, 2}, values);
    }

    @Test
    void rejectsEmptyInputAndOutOfRangePercentiles() {
        assertThrows(IllegalArgumentException.class, () -> Percentiles.median(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.mean(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.sampleStandardDeviation(new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.percentile(new double[] {1}, 101));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.percentile(new double[] {1}, Double.NaN));
    }
}
