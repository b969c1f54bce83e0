package io.benchsuite.stats;

import java.util.Optional;

/** Ordinary least-squares fit of a straight line (numpy's {@code polyfit(x, y, 1)}). */
public final class LeastSquares {

    private LeastSquares() {}

    /**
     * The line minimising the squared vertical distances, or empty when no unique line exists: fewer than two
     * points, all x equal, or a value that is not finite.
     */
    public static Optional<Line> fit(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
        }
        int n = x.length;
        if (n < 2) {
            return Optional.empty();
        }
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                return Optional.empty();
            }
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        // Centred sums: the raw-sum formula loses precision when x is large relative to its spread.
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - meanX;
            sxx += dx * dx;
            sxy += dx * (y[i] - meanY);
        }
        if (sxx == 0) {
            return Optional.empty();
        }
        double slope = sxy / sxx;
        return Optional.of(new Line(slope, meanY - slope * meanX));
    }
}
