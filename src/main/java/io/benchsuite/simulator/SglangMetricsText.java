package io.benchsuite.simulator;

import java.util.List;

/**
 * SGLang's page ({@code --enable-metrics}): {@code sglang:} names with a {@code model_name} label, the KV pool
 * as {@code token_usage} (0-1) and {@code num_used_tokens}, the shape of SGLang's documented example.
 */
final class SglangMetricsText {

    private SglangMetricsText() {}

    static String render(SimulatorConfig config, List<EngineMetrics.Snapshot> engines) {
        StringBuilder out = new StringBuilder(2048);
        String labels = "{model_name=\"" + MetricsText.escape(config.modelName()) + "\"}";
        FlavourMetrics.family(out, "sglang:prompt_tokens_total", "Number of prefill tokens processed.", "counter");
        FlavourMetrics.sample(
                out,
                "sglang:prompt_tokens_total",
                labels,
                FlavourMetrics.sum(engines, EngineMetrics.Snapshot::promptTokens));
        FlavourMetrics.family(
                out, "sglang:generation_tokens_total", "Number of generation tokens processed.", "counter");
        FlavourMetrics.sample(
                out,
                "sglang:generation_tokens_total",
                labels,
                FlavourMetrics.sum(engines, EngineMetrics.Snapshot::generationTokens));
        FlavourMetrics.family(out, "sglang:token_usage", "The token usage", "gauge");
        FlavourMetrics.sample(
                out, "sglang:token_usage", labels, FlavourMetrics.max(engines, EngineMetrics.Snapshot::kvUsage));
        FlavourMetrics.family(out, "sglang:num_running_reqs", "The number of running requests", "gauge");
        FlavourMetrics.sample(
                out, "sglang:num_running_reqs", labels, FlavourMetrics.sum(engines, EngineMetrics.Snapshot::running));
        FlavourMetrics.family(out, "sglang:num_used_tokens", "The number of used tokens", "gauge");
        FlavourMetrics.sample(
                out,
                "sglang:num_used_tokens",
                labels,
                Math.round(FlavourMetrics.sum(engines, s -> s.kvUsage() * config.kvCapacityTokens())));
        FlavourMetrics.family(out, "sglang:num_queue_reqs", "The number of requests in the waiting queue", "gauge");
        FlavourMetrics.sample(
                out, "sglang:num_queue_reqs", labels, FlavourMetrics.sum(engines, EngineMetrics.Snapshot::waiting));
        return out.toString();
    }
}
