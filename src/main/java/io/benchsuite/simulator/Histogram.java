package io.benchsuite.simulator;

import java.util.Arrays;

/** A Prometheus-style histogram with fixed upper bounds; not thread-safe (the owner synchronizes). */
final class Histogram {

    /** vLLM's bucket bounds (seconds), so server-side percentiles computed from them mean the same. */
    static final double[] TTFT_BOUNDS = {
        0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0,
        160.0, 640.0, 2560.0
    };

    static final double[] ITL_BOUNDS = {
        0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0
    };
    static final double[] E2E_BOUNDS = {
        0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0, 50.0, 60.0, 120.0, 240.0, 480.0, 960.0,
        1920.0, 7680.0
    };

    private final double[] bounds;
    private final long[] counts;
    private double sum;
    private long count;

    Histogram(double[] bounds) {
        this.bounds = bounds.clone();
        this.counts = new long[bounds.length];
    }

    void observe(double value) {
        int index = Arrays.binarySearch(bounds, value);
        int bucket = index >= 0 ? index : -index - 1; // first bound >= value; "le" is inclusive
        if (bucket < counts.length) {
            counts[bucket]++;
        }
        sum += value;
        count++;
    }

    Snapshot snapshot() {
        long[] cumulative = new long[counts.length];
        long running = 0;
        for (int i = 0; i < counts.length; i++) {
            running += counts[i];
            cumulative[i] = running;
        }
        return new Snapshot(bounds.clone(), cumulative, sum, count);
    }

    /** Cumulative counts per bound; the implicit +Inf bucket equals {@code count}. */
    record Snapshot(double[] bounds, long[] cumulativeCounts, double sum, long count) {}
}
