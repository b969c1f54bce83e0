package io.benchsuite.prometheus;

import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * The gauges read from a vLLM (or happy_vllm) page, with the family names that carry each one in order of
 * preference, and how the series of several engines or models are combined.
 */
public enum ServerGauge {
    /** Requests in the engines' batches: summed, since each data-parallel engine runs its own. */
    RUNNING_REQUESTS("running requests", Double::sum, "vllm:num_requests_running"),
    /** Requests queued: summed, like the running ones. */
    WAITING_REQUESTS("waiting requests", Double::sum, "vllm:num_requests_waiting"),
    /**
     * KV-cache usage: the maximum over engines, because the fullest engine is the one that starts preempting
     * or queueing; an average would hide it. vLLM 0.9.2 renamed the gauge and 0.12 removed the old name.
     */
    KV_CACHE_USAGE("KV-cache usage", Math::max, "vllm:kv_cache_usage_perc", "vllm:gpu_cache_usage_perc");

    private final String description;
    private final DoubleBinaryOperator combine;
    private final List<String> familyNames;

    ServerGauge(String description, DoubleBinaryOperator combine, String... familyNames) {
        this.description = description;
        this.combine = combine;
        this.familyNames = List.of(familyNames);
    }

    public String description() {
        return description;
    }

    /** Candidate families, the preferred one first. */
    public List<String> familyNames() {
        return familyNames;
    }

    double combine(double left, double right) {
        return combine.applyAsDouble(left, right);
    }
}
