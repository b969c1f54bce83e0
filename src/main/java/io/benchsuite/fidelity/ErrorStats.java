package io.benchsuite.fidelity;

import io.benchsuite.stats.Percentiles;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Mean, 99th percentile (linear interpolation, as numpy) and population standard deviation of a set of
 * errors, in milliseconds. Population rather than sample deviation: the errors are the whole measured set,
 * not an estimate of a wider one, and with thousands of values the two agree anyway.
 */
@RegisterForReflection
public record ErrorStats(int count, double meanMs, double p99Ms, double stdMs) {

    public static final ErrorStats EMPTY = new ErrorStats(0, Double.NaN, Double.NaN, Double.NaN);

    public static ErrorStats of(double[] errorsMs) {
        if (errorsMs.length == 0) {
            return EMPTY;
        }
        double mean = Percentiles.mean(errorsMs);
        double squares = 0;
        for (double e : errorsMs) {
            squares += (e - mean) * (e - mean);
        }
        return new ErrorStats(
                errorsMs.length, mean, Percentiles.percentile(errorsMs, 99), Math.sqrt(squares / errorsMs.length));
    }
}
