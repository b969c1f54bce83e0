package io.benchsuite.stats;

/** A straight line {@code y = slope * x + intercept}. */
public record Line(double slope, double intercept) {

    public double at(double x) {
        return slope * x + intercept;
    }
}
