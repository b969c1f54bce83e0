package io.benchsuite.prometheus;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metric names of one server kind: which families carry running requests, waiting requests and KV-cache
 * usage, in order of preference, and what the server does not publish. A page is read with the dialect whose
 * families it holds ({@link #of(MetricsPage)}), so the mapping does not depend on what the user said the
 * server was. The table in docs/prometheus.md is this class in prose.
 *
 * <p>Sources of the names: vLLM's and SGLang's metrics documentation, TGI's metrics reference, llama.cpp's
 * server README, the tensorrtllm_backend README ("Triton Metrics") and Ray Serve LLM's Grafana dashboard,
 * each checked against pages published by the servers (src/test/resources/server-output, server-pages).
 */
public enum MetricsDialect {
    /** vLLM, happy_vllm included. */
    VLLM(
            "vLLM",
            List.of("vllm:"),
            List.of(new GaugeSource.Family("vllm:num_requests_running")),
            List.of(new GaugeSource.Family("vllm:num_requests_waiting")),
            List.of(
                    new GaugeSource.Family("vllm:kv_cache_usage_perc"),
                    new GaugeSource.Family("vllm:gpu_cache_usage_perc")),
            null),
    /**
     * vLLM whose engine metrics Ray re-exports with its {@code ray_} prefix (Ray Serve LLM). Recent Ray versions
     * replace the colon with an underscore, so both spellings are read.
     */
    RAY_VLLM(
            "vLLM through Ray Serve",
            List.of("ray_vllm:", "ray_vllm_"),
            List.of(
                    new GaugeSource.Family("ray_vllm:num_requests_running"),
                    new GaugeSource.Family("ray_vllm_num_requests_running")),
            List.of(
                    new GaugeSource.Family("ray_vllm:num_requests_waiting"),
                    new GaugeSource.Family("ray_vllm_num_requests_waiting")),
            List.of(
                    new GaugeSource.Family("ray_vllm:kv_cache_usage_perc"),
                    new GaugeSource.Family("ray_vllm:gpu_cache_usage_perc"),
                    new GaugeSource.Family("ray_vllm_kv_cache_usage_perc"),
                    new GaugeSource.Family("ray_vllm_gpu_cache_usage_perc")),
            null),
    /** SGLang: {@code token_usage} is the fraction of the KV pool's tokens in use, 0-1. */
    SGLANG(
            "SGLang",
            List.of("sglang:"),
            List.of(new GaugeSource.Family("sglang:num_running_reqs")),
            List.of(new GaugeSource.Family("sglang:num_queue_reqs")),
            List.of(new GaugeSource.Family("sglang:token_usage")),
            null),
    /** Hugging Face TGI: the current batch is what runs, the queue what waits; no KV usage at all. */
    TGI(
            "TGI",
            List.of("tgi_"),
            List.of(new GaugeSource.Family("tgi_batch_current_size")),
            List.of(new GaugeSource.Family("tgi_queue_size")),
            List.of(),
            "TGI publishes no KV-cache usage"),
    /**
     * llama.cpp's llama-server: requests being processed by a slot, and deferred ones waiting for a slot.
     * {@code kv_cache_usage_ratio} was removed from llama-server in 2025 (ggml-org/llama.cpp #13660).
     */
    LLAMACPP(
            "llama.cpp",
            List.of("llamacpp:"),
            List.of(new GaugeSource.Family("llamacpp:requests_processing")),
            List.of(new GaugeSource.Family("llamacpp:requests_deferred")),
            List.of(new GaugeSource.Family("llamacpp:kv_cache_usage_ratio")),
            "this llama.cpp build publishes no KV-cache usage (llamacpp:kv_cache_usage_ratio exists only in builds"
                    + " before mid-2025)"),
    /**
     * TensorRT-LLM behind Triton: the meaning is the value of a label. Running is
     * {@code request_type="scheduled"} (the requests in the batch of the current iteration, what vLLM calls
     * running; {@code active} also counts requests paused for lack of KV blocks, and is only the fallback for
     * pages without {@code scheduled}); waiting is {@code request_type="waiting"} (queued, not yet picked up;
     * older backends lack it); KV usage is {@code kv_cache_block_type="fraction"}, or used / max blocks on
     * backends older than that label value.
     */
    TRTLLM(
            "TensorRT-LLM (Triton)",
            List.of("nv_trt_llm_"),
            List.of(
                    new GaugeSource.Labelled("nv_trt_llm_request_metrics", "request_type", "scheduled"),
                    new GaugeSource.Labelled("nv_trt_llm_request_metrics", "request_type", "active")),
            List.of(new GaugeSource.Labelled("nv_trt_llm_request_metrics", "request_type", "waiting")),
            List.of(
                    new GaugeSource.Labelled("nv_trt_llm_kv_cache_block_metrics", "kv_cache_block_type", "fraction"),
                    new GaugeSource.Ratio("nv_trt_llm_kv_cache_block_metrics", "kv_cache_block_type", "used", "max")),
            null);

    private final String displayName;
    private final List<String> prefixes;
    private final Map<ServerGauge, List<GaugeSource>> sources = new EnumMap<>(ServerGauge.class);
    private final String kvAbsence;

    MetricsDialect(
            String displayName,
            List<String> prefixes,
            List<GaugeSource> running,
            List<GaugeSource> waiting,
            List<GaugeSource> kvUsage,
            String kvAbsence) {
        this.displayName = displayName;
        this.prefixes = prefixes;
        sources.put(ServerGauge.RUNNING_REQUESTS, running);
        sources.put(ServerGauge.WAITING_REQUESTS, waiting);
        sources.put(ServerGauge.KV_CACHE_USAGE, kvUsage);
        this.kvAbsence = kvAbsence;
    }

    /** The server's name as written in notes and logs, e.g. "SGLang". */
    public String displayName() {
        return displayName;
    }

    /** The family-name prefixes that identify the server, e.g. {@code sglang:}. */
    public List<String> prefixes() {
        return prefixes;
    }

    /** Where the gauge is read, the preferred source first; empty when the server never publishes it. */
    List<GaugeSource> sources(ServerGauge gauge) {
        return sources.get(gauge);
    }

    /** Why a gauge stays empty when none of its sources is on the page, when the server is known to lack it. */
    Optional<String> absence(ServerGauge gauge) {
        return gauge == ServerGauge.KV_CACHE_USAGE ? Optional.ofNullable(kvAbsence) : Optional.empty();
    }

    /**
     * The dialect of a page: the first (in declaration order) one of whose gauge families the page holds,
     * else the first one with a family name starting with one of its prefixes; empty for a page of none.
     */
    public static Optional<MetricsDialect> of(MetricsPage page) {
        for (MetricsDialect dialect : values()) {
            for (List<GaugeSource> candidates : dialect.sources.values()) {
                for (GaugeSource source : candidates) {
                    if (page.family(source.familyName()).isPresent()) {
                        return Optional.of(dialect);
                    }
                }
            }
        }
        for (String name : page.families().keySet()) {
            for (MetricsDialect dialect : values()) {
                if (dialect.prefixes.stream().anyMatch(name::startsWith)) {
                    return Optional.of(dialect);
                }
            }
        }
        return Optional.empty();
    }

    /** "vLLM, vLLM through Ray Serve, SGLang, ...", for messages. */
    public static String knownServers() {
        return String.join(
                ", ", Arrays.stream(values()).map(MetricsDialect::displayName).toList());
    }
}
