package io.benchsuite.simulator;

import java.util.List;

/**
 * llama-server's page ({@code --metrics}) as recent builds serve it: {@code llamacpp:} names without labels,
 * requests processing (in a slot) and deferred (waiting for a slot), and no KV-cache gauge (removed from
 * llama-server in 2025).
 */
final class LlamaCppMetricsText {

    private LlamaCppMetricsText() {}

    static String render(List<EngineMetrics.Snapshot> engines) {
        StringBuilder out = new StringBuilder(1024);
        FlavourMetrics.family(out, "llamacpp:prompt_tokens_total", "Number of prompt tokens processed.", "counter");
        FlavourMetrics.sample(
                out,
                "llamacpp:prompt_tokens_total",
                "",
                FlavourMetrics.sum(engines, EngineMetrics.Snapshot::promptTokens));
        FlavourMetrics.family(
                out, "llamacpp:tokens_predicted_total", "Number of generation tokens processed.", "counter");
        FlavourMetrics.sample(
                out,
                "llamacpp:tokens_predicted_total",
                "",
                FlavourMetrics.sum(engines, EngineMetrics.Snapshot::generationTokens));
        FlavourMetrics.family(out, "llamacpp:requests_processing", "Number of requests processing.", "gauge");
        FlavourMetrics.sample(
                out, "llamacpp:requests_processing", "", FlavourMetrics.sum(engines, EngineMetrics.Snapshot::running));
        FlavourMetrics.family(out, "llamacpp:requests_deferred", "Number of requests deferred.", "gauge");
        FlavourMetrics.sample(
                out, "llamacpp:requests_deferred", "", FlavourMetrics.sum(engines, EngineMetrics.Snapshot::waiting));
        return out.toString();
    }
}
