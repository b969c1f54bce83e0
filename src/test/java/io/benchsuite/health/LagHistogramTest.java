package io.benchsuite.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LagHistogramTest {

    @Test
    void quantilesAreBucketUpperEdgesCappedAtTheMaximum() {
        LagHistogram lags = new LagHistogram();
        for (int i = 0; i < 990; i++) {
            lags.add(0.05);
        }
        for (int i = 0; i < 10; i++) {
            lags.add(3.0);
        }
        assertEquals(1000, lags.count());
        assertEquals(0.1, lags.quantileMs(0.99), 1e-9);
        assertEquals(3.0, lags.quantileMs(0.999), 1e-9, "capped at the exact maximum");
        assertEquals(3.0, lags.maxMs(), 1e-9);
    }

    @Test
    void lagsOverTheRangeKeepTheirExactMaximumAndNegativeOnesCountAsZero() {
        LagHistogram lags = new LagHistogram();
        lags.add(-1);
        lags.add(250);
        LagHistogram merged = new LagHistogram();
        merged.addAll(lags);
        assertEquals(2, merged.count());
        assertEquals(250, merged.maxMs(), 1e-9);
        assertEquals(0.1, merged.quantileMs(0.5), 1e-9);
        assertEquals(250, merged.quantileMs(1.0), 1e-9);
        assertEquals(0, new LagHistogram().quantileMs(0.99), 1e-9);
    }
}
