package io.benchsuite.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LeastSquaresTest {

    @Test
    void fitsExactPointsExactly() {
        Line line =
                LeastSquares.fit(new double[] {1, 2, 3}, new double[] {5, 7, 9}).orElseThrow();
        assertEquals(2, line.slope(), 1e-12);
        assertEquals(3, line.intercept(), 1e-12);
        assertEquals(23, line.at(10), 1e-12);
    }

    @Test
    void minimisesSquaredVerticalDistances() {
        // x 0,1,2,3 and y 1,3,2,4: deviations from the means (1.5, 2.5) are x -1.5,-0.5,0.5,1.5 and
        // y -1.5,0.5,-0.5,1.5; Sxy = 2.25 - 0.25 - 0.25 + 2.25 = 4, Sxx = 5; slope 0.8, intercept 2.5 - 1.2 = 1.3.
        Line line = LeastSquares.fit(new double[] {0, 1, 2, 3}, new double[] {1, 3, 2, 4})
                .orElseThrow();
        assertEquals(0.8, line.slope(), 1e-12);
        assertEquals(1.3, line.intercept(), 1e-12);
    }

    @Test
    void noUniqueLineIsEmptyNotAnException() {
        assertTrue(LeastSquares.fit(new double[0], new double[0]).isEmpty());
        assertTrue(LeastSquares.fit(new double[] {1}, new double[] {2}).isEmpty());
        assertTrue(
                LeastSquares.fit(new double[] {0, 0, 0}, new double[] {1, 2, 3}).isEmpty());
        assertTrue(LeastSquares.fit(new double[] {0, 1}, new double[] {1, Double.NaN})
                .isEmpty());
        assertThrows(IllegalArgumentException.class, () -> LeastSquares.fit(new double[] {1, 2}, new double[] {1}));
    }
}
