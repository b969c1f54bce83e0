package io.benchsuite.simulator;

/**
 * Which KV-cache gauge {@code /metrics} exposes. vLLM renamed it in 0.9.2 and removed the old name in 0.12,
 * while happy_vllm (vLLM 0.8) only has the old one, so clients must cope with either; this flag lets a test
 * pick the era it wants to exercise. The latency histogram follows the same era: the old servers call the
 * inter-token histogram {@code time_per_output_token_seconds}, the new ones {@code inter_token_latency_seconds}.
 */
public enum KvMetricFlavour {
    /** {@code vllm:kv_cache_usage_perc} and {@code vllm:inter_token_latency_seconds} (vLLM >= 0.9.2). */
    KV,
    /** {@code vllm:gpu_cache_usage_perc} and {@code vllm:time_per_output_token_seconds} (vLLM <= 0.10, happy_vllm). */
    GPU,
    /** Both names, as vLLM 0.9.2 to 0.10 did while the old ones were deprecated. */
    BOTH;

    boolean exposesNewNames() {
        return this != GPU;
    }

    boolean exposesOldNames() {
        return this != KV;
    }
}
