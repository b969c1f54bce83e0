package io.benchsuite.report;

import java.util.List;

/**
 * The KV-cache profile of one pair: the server's gauges over time, sorted by time.
 *
 * @param pair          the pair
 * @param points        one point per sample that had all three gauges
 * @param droppedPoints samples left out because a gauge was missing
 */
public record KvProfileReport(Pair pair, List<Point> points, int droppedPoints) {

    /**
     * @param seconds the time since the first sample
     * @param usage   KV-cache usage, 0-1
     * @param running requests running
     * @param waiting requests waiting
     */
    public record Point(double seconds, double usage, double running, double waiting) {
    }

    public KvProfileReport {
        points = List.copyOf(points);
    }
}
