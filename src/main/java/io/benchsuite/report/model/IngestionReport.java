package io.benchsuite.report.model;

import io.benchsuite.stats.IngestionPoint;
import io.benchsuite.stats.PromptIngestionFit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The prompt-ingestion measurements and their fit.
 *
 * @param points every (prompt length, TTFT in seconds) point of the kept ingestion files
 * @param fit    the outlier-filtered line fit; empty when the points do not allow one
 */
public record IngestionReport(List<IngestionPoint> points, Optional<PromptIngestionFit> fit) {

    public IngestionReport {
        points = List.copyOf(points);
    }

    /** The points the outlier rule removed (all of them count once each, duplicates included). */
    public List<IngestionPoint> leftOutPoints() {
        if (fit.isEmpty()) {
            return List.of();
        }
        Map<IngestionPoint, Integer> keptCounts = new HashMap<>();
        fit.get().keptPoints().forEach(p -> keptCounts.merge(p, 1, Integer::sum));
        return points.stream()
                .filter(p -> keptCounts.merge(p, -1, Integer::sum) < 0)
                .toList();
    }
}
