package io.benchsuite.report.model;

import java.util.List;

/**
 * The KV-cache profile of one pair: the server's gauges over time, sorted by time.
 *
 * <p>A profile can hold tens of thousands of samples (the original polled every 10 ms for up to 15 minutes),
 * far more than a 1400-pixel graph can show and slow to draw. Longer profiles are reduced to
 * {@link #MAX_POINTS} time buckets holding each gauge's maximum over the bucket, so that the peaks that
 * matter (a full cache, waiting requests) are never averaged away. The raw samples stay in the raw results.
 *
 * @param pair          the pair
 * @param points        one point per sample, or per bucket when reduced
 * @param sampleCount   the samples that had all three gauges, before any reduction
 * @param droppedPoints samples left out because a gauge was missing
 */
public record KvProfileReport(Pair pair, List<Point> points, int sampleCount, int droppedPoints) {

    /** About one point per pixel of the graph's plot area. */
    public static final int MAX_POINTS = 1200;

    /**
     * @param seconds the time since the first sample (the bucket's start when reduced)
     * @param usage   KV-cache usage, 0-1
     * @param running requests running
     * @param waiting requests waiting
     */
    public record Point(double seconds, double usage, double running, double waiting) {}

    public KvProfileReport {
        points = List.copyOf(points);
    }

    public boolean isReduced() {
        return points.size() < sampleCount;
    }
}
