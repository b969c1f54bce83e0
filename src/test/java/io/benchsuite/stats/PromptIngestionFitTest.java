package io.benchsuite.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptIngestionFitTest {

    /** Nine exact points of TTFT = length / 1024 + 0.0625 (lengths 512..4608), plus one outlier. */
    private static List<IngestionPoint> exactPointsPlusOutlier() {
        List<IngestionPoint> points = new ArrayList<>();
        for (int k = 1; k <= 9; k++) {
            double length = 512.0 * k;
            points.add(new IngestionPoint(length, length / 1024 + 0.0625));
        }
        points.add(new IngestionPoint(2560, 3.0625)); // 1 s slower than the line
        return points;
    }

    @Test
    void dropsPointsFarFromTheFirstFitThenRefits() {
        PromptIngestionFit fit = PromptIngestionFit.of(exactPointsPlusOutlier()).orElseThrow();

        // The outlier sits at the mean length, so the first fit keeps the slope 1/1024 and lifts the
        // intercept by 1 s / 10 points: 0.1125. Relative distances to it: the outlier 0.45 / 3.0625 = 14.7 %
        // and the shortest point 0.05 / 0.5625 = 8.9 % are dropped; the next one, 0.05 / 1.0625 = 4.7 %, stays.
        assertEquals(1.0 / 1024, fit.firstFit().slope(), 1e-15);
        assertEquals(0.1125, fit.firstFit().intercept(), 1e-12);
        assertEquals(2, fit.droppedPoints());
        assertEquals(8, fit.keptPoints().size());
        assertEquals(1024, fit.keptPoints().get(0).promptLength());
        assertEquals(1.0 / 1024, fit.fit().slope(), 1e-15);
        assertEquals(0.0625, fit.fit().intercept(), 1e-12);
        assertEquals(1024, fit.tokensPerSecond());
    }

    @Test
    void speedIsTruncatedLikePythonInt() {
        // 3 points of slope 0.003: 1 / 0.003 = 333.33 -> 333.
        assertEquals(
                333,
                PromptIngestionFit.of(List.of(
                                new IngestionPoint(100, 0.4),
                                new IngestionPoint(200, 0.7),
                                new IngestionPoint(300, 1.0)))
                        .orElseThrow()
                        .tokensPerSecond());
    }

    @Test
    void degenerateInputsGiveNoResult() {
        assertTrue(PromptIngestionFit.of(List.of()).isEmpty());
        assertTrue(PromptIngestionFit.of(List.of(new IngestionPoint(100, 0.2))).isEmpty());
        // A backend that reports no usage: every prompt length is 0.
        assertTrue(PromptIngestionFit.of(List.of(new IngestionPoint(0, 0.2), new IngestionPoint(0, 0.3)))
                .isEmpty());
        // Time falling with the prompt length has no ingestion speed.
        assertTrue(PromptIngestionFit.of(List.of(
                        new IngestionPoint(100, 0.3), new IngestionPoint(200, 0.2), new IngestionPoint(300, 0.1)))
                .isEmpty());
        // All TTFT zero: no point has a relative distance, nothing is kept.
        assertTrue(PromptIngestionFit.of(List.of(new IngestionPoint(100, 0), new IngestionPoint(200, 0)))
                .isEmpty());
        // No point is within 5 % of the first fit (flat at 0.7): nothing left to refit.
        assertTrue(PromptIngestionFit.of(List.of(
                        new IngestionPoint(100, 1.0), new IngestionPoint(200, 0.1), new IngestionPoint(300, 1.0)))
                .isEmpty());
    }
}
