package io.benchsuite.simulator;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Renders the engines' numbers as Prometheus text exposition (format 0.0.4) with vLLM's family names, help
 * texts and labels. Pure: values in, text out. Every family is one contiguous group, one sample per engine;
 * the {@code engine} label appears only with data parallelism, as in vLLM's V1 engine.
 */
final class MetricsText {

    private final SimulatorConfig config;
    private final List<EngineMetrics.Snapshot> engines;
    private final StringBuilder out = new StringBuilder(8192);

    private MetricsText(SimulatorConfig config, List<EngineMetrics.Snapshot> engines) {
        this.config = config;
        this.engines = engines;
    }

    static String render(SimulatorConfig config, List<EngineMetrics.Snapshot> engines) {
        return new MetricsText(config, engines).render();
    }

    private String render() {
        gauge(
                "vllm:num_requests_running",
                "Number of requests in model execution batches.",
                EngineMetrics.Snapshot::running);
        gauge(
                "vllm:num_requests_waiting",
                "Number of requests waiting to be processed.",
                EngineMetrics.Snapshot::waiting);
        if (config.kvMetric().exposesNewNames()) {
            gauge(
                    "vllm:kv_cache_usage_perc",
                    "KV-cache usage. 1 means 100 percent usage.",
                    EngineMetrics.Snapshot::kvUsage);
        }
        if (config.kvMetric().exposesOldNames()) {
            gauge(
                    "vllm:gpu_cache_usage_perc",
                    "GPU KV-cache usage. 1 means 100 percent usage.",
                    EngineMetrics.Snapshot::kvUsage);
        }
        cacheConfigInfo();
        counter(
                "vllm:num_preemptions_total",
                "Cumulative number of preemption from the engine.",
                EngineMetrics.Snapshot::preemptions);
        counter(
                "vllm:prompt_tokens_total",
                "Number of prefill tokens processed.",
                EngineMetrics.Snapshot::promptTokens);
        counter(
                "vllm:generation_tokens_total",
                "Number of generation tokens processed.",
                EngineMetrics.Snapshot::generationTokens);
        requestSuccess();
        histogram(
                "vllm:time_to_first_token_seconds",
                "Histogram of time to first token in seconds.",
                EngineMetrics.Snapshot::timeToFirstToken);
        if (config.kvMetric().exposesNewNames()) {
            histogram(
                    "vllm:inter_token_latency_seconds",
                    "Histogram of inter-token latency in seconds.",
                    EngineMetrics.Snapshot::interToken);
        }
        if (config.kvMetric().exposesOldNames()) {
            histogram(
                    "vllm:time_per_output_token_seconds",
                    "Histogram of time per output token in seconds.",
                    EngineMetrics.Snapshot::interToken);
        }
        histogram(
                "vllm:e2e_request_latency_seconds",
                "Histogram of e2e request latency in seconds.",
                EngineMetrics.Snapshot::endToEnd);
        return out.toString();
    }

    private void header(String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void gauge(String name, String help, ToDoubleFunction<EngineMetrics.Snapshot> value) {
        header(name, help, "gauge");
        for (int engine = 0; engine < engines.size(); engine++) {
            sample(name, labels(engine, ""), value.applyAsDouble(engines.get(engine)));
        }
    }

    private void counter(String name, String help, ToDoubleFunction<EngineMetrics.Snapshot> value) {
        header(name, help, "counter");
        for (int engine = 0; engine < engines.size(); engine++) {
            sample(name, labels(engine, ""), value.applyAsDouble(engines.get(engine)));
        }
    }

    private void requestSuccess() {
        String name = "vllm:request_success_total";
        header(name, "Count of successfully processed requests.", "counter");
        for (int engine = 0; engine < engines.size(); engine++) {
            EngineMetrics.Snapshot s = engines.get(engine);
            sample(name, labels(engine, ",finished_reason=\"stop\""), s.finishedStop());
            sample(name, labels(engine, ",finished_reason=\"length\""), s.finishedLength());
            sample(name, labels(engine, ",finished_reason=\"abort\""), s.finishedAbort());
        }
    }

    private void cacheConfigInfo() {
        String name = "vllm:cache_config_info";
        header(name, "Information of the LLMEngine CacheConfig", "gauge");
        String extra = ",block_size=\"" + config.blockSize() + "\",cache_dtype=\"auto\""
                + ",enable_prefix_caching=\"False\",gpu_memory_utilization=\"0.9\""
                + ",num_cpu_blocks=\"0\",num_gpu_blocks=\"" + config.kvBlocks() + "\""
                + ",num_gpu_blocks_override=\"None\",sliding_window=\"None\",swap_space=\"4\"";
        for (int engine = 0; engine < engines.size(); engine++) {
            sample(name, labels(engine, extra), 1.0);
        }
    }

    private void histogram(String name, String help, Function<EngineMetrics.Snapshot, Histogram.Snapshot> pick) {
        header(name, help, "histogram");
        for (int engine = 0; engine < engines.size(); engine++) {
            Histogram.Snapshot h = pick.apply(engines.get(engine));
            for (int i = 0; i < h.bounds().length; i++) {
                sample(name + "_bucket", labels(engine, ",le=\"" + h.bounds()[i] + "\""), h.cumulativeCounts()[i]);
            }
            sample(name + "_bucket", labels(engine, ",le=\"+Inf\""), h.count());
            sample(name + "_count", labels(engine, ""), h.count());
            sample(name + "_sum", labels(engine, ""), h.sum());
        }
    }

    private String labels(int engine, String extra) {
        StringBuilder labels = new StringBuilder("{model_name=\"")
                .append(escape(config.modelName()))
                .append('"');
        if (engines.size() > 1) {
            labels.append(",engine=\"").append(engine).append('"');
        }
        return labels.append(extra).append('}').toString();
    }

    private void sample(String name, String labels, double value) {
        out.append(name).append(labels).append(' ').append(value).append('\n');
    }

    static String escape(String labelValue) {
        return labelValue.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
