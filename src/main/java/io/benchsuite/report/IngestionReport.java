package io.benchsuite.report;

import io.benchsuite.stats.IngestionPoint;
import io.benchsuite.stats.PromptIngestionFit;
import java.util.List;
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
}
