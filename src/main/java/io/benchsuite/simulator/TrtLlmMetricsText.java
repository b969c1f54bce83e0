package io.benchsuite.simulator;

import java.util.List;

/**
 * Triton's page for a TensorRT-LLM model: the meaning is in a label value, as in the tensorrtllm_backend
 * README: {@code nv_trt_llm_request_metrics{request_type=...}} (waiting, context, scheduled, max, active) and
 * {@code nv_trt_llm_kv_cache_block_metrics{kv_cache_block_type=...}} (fraction, tokens_per, used, free, max),
 * labelled with Triton's {@code model="tensorrt_llm"} and {@code version="1"}.
 */
final class TrtLlmMetricsText {

    private static final String MODEL = "model=\"tensorrt_llm\"";
    private static final String VERSION = "version=\"1\"";

    private TrtLlmMetricsText() {}

    static String render(SimulatorConfig config, List<EngineMetrics.Snapshot> engines) {
        StringBuilder out = new StringBuilder(2048);
        double running = FlavourMetrics.sum(engines, EngineMetrics.Snapshot::running);
        String requests = "nv_trt_llm_request_metrics";
        FlavourMetrics.family(out, requests, "TRT LLM request metrics", "gauge");
        request(out, "waiting", FlavourMetrics.sum(engines, EngineMetrics.Snapshot::waiting));
        request(out, "context", 0);
        request(out, "scheduled", running);
        request(out, "max", (double) config.maxNumSeqs() * engines.size());
        request(out, "active", running);
        double fraction = FlavourMetrics.max(engines, EngineMetrics.Snapshot::kvUsage);
        long maxBlocks = (long) config.kvBlocks() * engines.size();
        long used = Math.round(FlavourMetrics.sum(engines, s -> s.kvUsage() * config.kvBlocks()));
        FlavourMetrics.family(out, "nv_trt_llm_kv_cache_block_metrics", "TRT LLM KV cache block metrics", "gauge");
        block(out, "fraction", fraction);
        block(out, "tokens_per", config.blockSize());
        block(out, "used", used);
        block(out, "free", maxBlocks - used);
        block(out, "max", maxBlocks);
        return out.toString();
    }

    private static void request(StringBuilder out, String type, double value) {
        FlavourMetrics.sample(
                out,
                "nv_trt_llm_request_metrics",
                "{" + MODEL + ",request_type=\"" + type + "\"," + VERSION + "}",
                value);
    }

    private static void block(StringBuilder out, String type, double value) {
        FlavourMetrics.sample(
                out,
                "nv_trt_llm_kv_cache_block_metrics",
                "{kv_cache_block_type=\"" + type + "\"," + MODEL + "," + VERSION + "}",
                value);
    }
}
