package io.benchsuite.stats;

import java.util.List;
import java.util.Optional;

/**
 * Prompt ingestion speed, as the original report computes it: time to first token grows linearly with the
 * prompt length, the slope being seconds per prompt token and the intercept the fixed overhead (HTTP,
 * queueing, the first decode step).
 * <ol>
 *   <li>fit a least-squares line to every point;</li>
 *   <li>keep the points whose relative distance to it, {@code |fit(x) - y| / y}, is below 5 %: a point with
 *       {@code y <= 0} has no relative distance and is dropped (numpy yields inf or NaN there, which fails
 *       the same test);</li>
 *   <li>refit on the kept points; the speed is {@code int(1 / slope)} tokens per second.</li>
 * </ol>
 *
 * @param firstFit        the fit over every point
 * @param fit             the fit over the kept points, the one the speed comes from
 * @param tokensPerSecond {@code 1 / slope} truncated toward zero, as the original's {@code int()}
 * @param keptPoints      the points of the second fit, x and y together (the original's data file mixed
 *                        kept x with every y)
 * @param droppedPoints   how many points the outlier rule removed
 */
public record PromptIngestionFit(
        Line firstFit, Line fit, long tokensPerSecond, List<IngestionPoint> keptPoints, int droppedPoints) {

    /** Relative distance to the first fit from which a point counts as an outlier. */
    public static final double OUTLIER_RELATIVE_DISTANCE = 0.05;

    public PromptIngestionFit {
        keptPoints = List.copyOf(keptPoints);
    }

    /**
     * Empty when there is no meaningful speed: fewer than two distinct prompt lengths before or after
     * outlier removal (a backend that reports no usage gives every point length 0), or a slope that is not
     * positive (time would not grow with the prompt).
     */
    public static Optional<PromptIngestionFit> of(List<IngestionPoint> points) {
        Optional<Line> first = fitLine(points);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        Line firstFit = first.get();
        List<IngestionPoint> kept = points.stream()
                .filter(p -> p.timeToFirstToken() > 0
                        && Math.abs(firstFit.at(p.promptLength()) - p.timeToFirstToken()) / p.timeToFirstToken()
                                < OUTLIER_RELATIVE_DISTANCE)
                .toList();
        return fitLine(kept)
                .filter(line -> line.slope() > 0)
                .map(line -> new PromptIngestionFit(
                        firstFit, line, (long) (1 / line.slope()), kept, points.size() - kept.size()));
    }

    private static Optional<Line> fitLine(List<IngestionPoint> points) {
        double[] x = points.stream().mapToDouble(IngestionPoint::promptLength).toArray();
        double[] y =
                points.stream().mapToDouble(IngestionPoint::timeToFirstToken).toArray();
        return LeastSquares.fit(x, y);
    }
}
