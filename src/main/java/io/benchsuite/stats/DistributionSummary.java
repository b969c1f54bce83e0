package io.benchsuite.stats;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One statistic of {@code aggregated_metrics}: its mean, median and eight percentiles, written under the
 * original tool's keys in its order.
 */
@RegisterForReflection
public record DistributionSummary(
        @JsonProperty("mean") double mean,
        @JsonProperty("median") double median,
        @JsonProperty("percentile_1") double percentile1,
        @JsonProperty("percentile_5") double percentile5,
        @JsonProperty("percentile_10") double percentile10,
        @JsonProperty("percentile_25") double percentile25,
        @JsonProperty("percentile_75") double percentile75,
        @JsonProperty("percentile_90") double percentile90,
        @JsonProperty("percentile_95") double percentile95,
        @JsonProperty("percentile_99") double percentile99) {}
