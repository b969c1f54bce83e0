package io.benchsuite.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WaitingTimeTest {

    @Test
    void tenArrivalsOrFewerCountOnlyTheTimeToFirstToken() {
        double[] nineGaps = {0.1, 0.1, 0.1, 0.1, 5.0, 0.1, 0.1, 0.1, 0.1};
        assertEquals(0.3, WaitingTime.total(0.3, nineGaps), 0);
        assertEquals(0.3, WaitingTime.total(0.3, new double[0]), 0);
    }

    @Test
    void elevenArrivalsWithEvenGapsHaveNoStall() {
        double[] tenGaps = new double[10];
        Arrays.fill(tenGaps, 0.05);
        // std 0: the threshold is the median and no gap exceeds it.
        assertEquals(0.05, WaitingTime.stallThreshold(tenGaps), 1e-15);
        assertEquals(0.3, WaitingTime.total(0.3, tenGaps), 0);
    }

    @Test
    void onlyTheExcessOverTheThresholdCounts() {
        // Ten gaps: nine of 1 and one of 11. Median 1, mean 2, squared deviations 9*1 + 81 = 90,
        // sample std sqrt(90/9) = sqrt(10); threshold 1 + 3*sqrt(10) = 10.4868; excess 0.5132.
        double[] gaps = {1, 1, 1, 1, 11, 1, 1, 1, 1, 1};
        double threshold = 1 + 3 * Math.sqrt(10);
        assertEquals(threshold, WaitingTime.stallThreshold(gaps), 1e-12);
        assertEquals(2 + 11 - threshold, WaitingTime.total(2, gaps), 1e-12);
    }
}
