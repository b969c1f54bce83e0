package io.benchsuite.stats;

import io.benchsuite.record.ErrorKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run's {@code general_metrics}. Times are sums over valid requests (not wall time, except
 * {@code actualTotalTime}); the three speeds are token-weighted per-request speeds, not throughput.
 *
 * @param errorsByKind every non-successful request counted by its error kind, timeouts included, so the
 *                     counts add up to {@code nbErroredQueries}; every kind but NONE is present
 * @param nbOutputLengthMismatch successful requests that got another output length than asked for
 *                     ({@code output_length_mismatch}); 0 when the server could not be made to force it
 */
public record GeneralMetrics(
        double maxKvCache,
        double maxRequestsRunning,
        double maxRequestsWaiting,
        int totalNumberOfQueries,
        int nbTimeoutQueries,
        int nbErroredQueries,
        double totalTime,
        double totalTimeFromFirstToken,
        double totalTimeWithoutWaitingTime,
        long totalNumberOfIngestedTokens,
        long totalNumberOfGeneratedTokens,
        double speed,
        double speedWithoutWaitingTime,
        double speedFromFirstToken,
        double actualTotalTime,
        Map<ErrorKind, Integer> errorsByKind,
        int nbOutputLengthMismatch) {

    public GeneralMetrics {
        errorsByKind = Collections.unmodifiableMap(new EnumMap<>(errorsByKind));
    }

    /** The original keys in the original order ({@code speed_without_waiting_time} always present), then ours. */
    public Map<String, Object> toOrderedMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("max_kv_cache", maxKvCache);
        map.put("max_requests_running", maxRequestsRunning);
        map.put("max_requests_waiting", maxRequestsWaiting);
        map.put("total_number_of_queries", totalNumberOfQueries);
        map.put("nb_timeout_queries", nbTimeoutQueries);
        map.put("nb_errored_queries", nbErroredQueries);
        map.put("total_time", totalTime);
        map.put("total_time_from_first_token", totalTimeFromFirstToken);
        map.put("total_time_without_waiting_time", totalTimeWithoutWaitingTime);
        map.put("total_number_of_ingested_tokens", totalNumberOfIngestedTokens);
        map.put("total_number_of_generated_tokens", totalNumberOfGeneratedTokens);
        map.put("speed", speed);
        map.put("speed_without_waiting_time", speedWithoutWaitingTime);
        map.put("speed_from_first_token", speedFromFirstToken);
        map.put("actual_total_time", actualTotalTime);
        Map<String, Object> byKind = new LinkedHashMap<>();
        errorsByKind.forEach((kind, count) -> byKind.put(kind.name(), count));
        map.put("errors_by_kind", byKind);
        map.put("nb_output_length_mismatch", nbOutputLengthMismatch);
        return map;
    }
}
