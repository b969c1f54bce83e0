package io.benchsuite.report.model;

/** The median of a per-request statistic with its 25th and 75th percentiles, the error bars of the graphs. */
public record Quartiles(double p25, double median, double p75) {

    public Quartiles scaled(double factor) {
        return new Quartiles(p25 * factor, median * factor, p75 * factor);
    }
}
