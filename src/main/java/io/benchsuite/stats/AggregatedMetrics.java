package io.benchsuite.stats;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A run's {@code aggregated_metrics}: a {@link DistributionSummary} per {@link AggregatedStatistic} over the
 * valid requests. Empty when the run had no valid request (the original omits the statistics then).
 */
public record AggregatedMetrics(Map<AggregatedStatistic, DistributionSummary> byStatistic) {

    public AggregatedMetrics {
        byStatistic = byStatistic.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(byStatistic));
    }

    public Optional<DistributionSummary> get(AggregatedStatistic statistic) {
        return Optional.ofNullable(byStatistic.get(statistic));
    }

    public boolean isEmpty() {
        return byStatistic.isEmpty();
    }

    public Map<String, Object> toOrderedMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        byStatistic.forEach((statistic, summary) -> map.put(statistic.jsonName(), summary.toOrderedMap()));
        return map;
    }
}
