package io.benchsuite.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The client's self-check over one benchmark, written as {@code client_health} in its raw result: whether the
 * client itself stalled while it measured, and how many requests' timings such a stall may have inflated.
 *
 * @param gcPauseCount        stop-the-world garbage-collection pauses during the benchmark
 * @param gcPauseTotalMs      their summed length, milliseconds
 * @param gcPauseMaxMs        the longest, milliseconds
 * @param eventLoopLagP99Ms   99th percentile of how late the probe (every 2 ms) ran on the event loops that read the
 *                            streams, milliseconds (0.1 ms resolution)
 * @param eventLoopLagMaxMs   the latest it ran, milliseconds
 * @param cpuLoadMax          highest machine-wide CPU load seen (0-1; sampled every 100 ms), -1 when unknown
 * @param clientCpuSeconds    CPU time of this process during the benchmark, seconds (with {@code --simulate}
 *                            the built-in simulator runs in the same process and is included), -1 when unknown
 * @param requestsAffected    requests with a token arrival or their end stamped more than
 *                            {@link ClientHealthJudge#STALL_MS} ms into a stall (a GC pause or an event-loop lag
 *                            above that), during it or at its end: stamps that may be late by more than that
 *                            (the rule: {@link ClientHealthJudge})
 * @param requests            requests measured
 * @param verdict             {@code ok}, or {@code degraded} when more than 1 % of the requests are affected
 * @param reason              why, in one sentence; empty when {@code ok}
 */
@RegisterForReflection
@JsonPropertyOrder({
    "gc_pause_count",
    "gc_pause_total_ms",
    "gc_pause_max_ms",
    "event_loop_lag_p99_ms",
    "event_loop_lag_max_ms",
    "cpu_load_max",
    "client_cpu_seconds",
    "requests_affected",
    "requests",
    "verdict",
    "reason"
})
public record ClientHealth(
        @JsonProperty("gc_pause_count") int gcPauseCount,
        @JsonProperty("gc_pause_total_ms") double gcPauseTotalMs,
        @JsonProperty("gc_pause_max_ms") double gcPauseMaxMs,
        @JsonProperty("event_loop_lag_p99_ms") double eventLoopLagP99Ms,
        @JsonProperty("event_loop_lag_max_ms") double eventLoopLagMaxMs,
        @JsonProperty("cpu_load_max") double cpuLoadMax,
        @JsonProperty("client_cpu_seconds") double clientCpuSeconds,
        @JsonProperty("requests_affected") int requestsAffected,
        @JsonProperty("requests") int requests,
        @JsonProperty("verdict") String verdict,
        @JsonProperty("reason") String reason) {

    public static final String OK = "ok";
    public static final String DEGRADED = "degraded";

    public boolean degraded() {
        return DEGRADED.equals(verdict);
    }
}
