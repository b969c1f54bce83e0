package io.benchsuite.stats;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** One point of the total-speed curve: aggregate tokens per second at one level, under the original data file's keys. */
@RegisterForReflection
public record TotalSpeedPoint(
        @JsonProperty("nb_parallel_requests") int parallelRequests,
        @JsonProperty("total_time") double totalTime,
        @JsonProperty("actual_total_time") double actualTotalTime,
        @JsonProperty("total_number_of_generated_tokens") long generatedTokens,
        @JsonProperty("speed") double speed) {}
