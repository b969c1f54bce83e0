package io.benchsuite.stats;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A run's {@code aggregated_metrics}: a {@link DistributionSummary} per {@link AggregatedStatistic} over the
 * valid requests. Empty when the run had no valid request (the original omits the statistics then).
 *
 * <p>In JSON, one object keyed by {@link AggregatedStatistic#jsonName()} in the enum's order.
 */
@RegisterForReflection
public record AggregatedMetrics(@JsonValue Map<AggregatedStatistic, DistributionSummary> byStatistic) {

    public AggregatedMetrics {
        byStatistic = byStatistic.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(byStatistic));
    }

    public Optional<DistributionSummary> get(AggregatedStatistic statistic) {
        return Optional.ofNullable(byStatistic.get(statistic));
    }

    /**
     * Reads {@code aggregated_metrics}: statistics keyed by their JSON name. Names this version does not know
     * (a newer writer's statistics) are left out rather than refused.
     */
    @JsonCreator
    public static AggregatedMetrics fromJson(Map<String, DistributionSummary> byName) {
        Map<AggregatedStatistic, DistributionSummary> byStatistic = new EnumMap<>(AggregatedStatistic.class);
        for (AggregatedStatistic statistic : AggregatedStatistic.values()) {
            DistributionSummary summary = byName.get(statistic.jsonName());
            if (summary != null) {
                byStatistic.put(statistic, summary);
            }
        }
        return new AggregatedMetrics(byStatistic);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return byStatistic.isEmpty();
    }
}
