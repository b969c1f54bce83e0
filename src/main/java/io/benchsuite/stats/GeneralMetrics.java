package io.benchsuite.stats;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.benchsuite.record.ErrorKind;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A run's {@code general_metrics}. Times are sums over valid requests (not wall time, except
 * {@code actualTotalTime}); the three speeds are token-weighted per-request speeds, not throughput.
 *
 * <p>Written under the original keys in the original order ({@code speed_without_waiting_time} always
 * present), then ours; {@code errors_by_kind} keyed by the kinds' names.
 *
 * @param errorsByKind every non-successful request counted by its error kind, timeouts included, so the
 *                     counts add up to {@code nbErroredQueries}; every kind but NONE is present
 * @param nbOutputLengthMismatch successful requests that got another output length than asked for
 *                     ({@code output_length_mismatch}); 0 when the server could not be made to force it
 */
@RegisterForReflection
public record GeneralMetrics(
        @JsonProperty("max_kv_cache") double maxKvCache,
        @JsonProperty("max_requests_running") double maxRequestsRunning,
        @JsonProperty("max_requests_waiting") double maxRequestsWaiting,
        @JsonProperty("total_number_of_queries") int totalNumberOfQueries,
        @JsonProperty("nb_timeout_queries") int nbTimeoutQueries,
        @JsonProperty("nb_errored_queries") int nbErroredQueries,
        @JsonProperty("total_time") double totalTime,
        @JsonProperty("total_time_from_first_token") double totalTimeFromFirstToken,
        @JsonProperty("total_time_without_waiting_time") double totalTimeWithoutWaitingTime,
        @JsonProperty("total_number_of_ingested_tokens") long totalNumberOfIngestedTokens,
        @JsonProperty("total_number_of_generated_tokens") long totalNumberOfGeneratedTokens,
        @JsonProperty("speed") double speed,
        @JsonProperty("speed_without_waiting_time") double speedWithoutWaitingTime,
        @JsonProperty("speed_from_first_token") double speedFromFirstToken,
        @JsonProperty("actual_total_time") double actualTotalTime,
        @JsonProperty("errors_by_kind") Map<ErrorKind, Integer> errorsByKind,
        @JsonProperty("nb_output_length_mismatch") int nbOutputLengthMismatch) {

    public GeneralMetrics {
        errorsByKind = Collections.unmodifiableMap(new EnumMap<>(errorsByKind));
    }
}
