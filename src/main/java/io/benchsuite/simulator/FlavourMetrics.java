package io.benchsuite.simulator;

import java.util.List;

/**
 * What {@code /metrics} serves for each {@link ServerFlavour}: the same engine numbers in each real server's
 * family names and labels, with what that server lacks left out (TGI and recent llama.cpp have no KV usage).
 * One small renderer per flavour, so that each server's page can be read on its own.
 */
final class FlavourMetrics {

    private FlavourMetrics() {}

    /** The page for the configured flavour, classic text format 0.0.4. */
    static String render(SimulatorConfig config, List<EngineMetrics.Snapshot> engines) {
        return switch (config.flavour()) {
            case VLLM -> MetricsText.render(config, engines);
            case RAY_VLLM -> RayVllmMetricsText.render(config, engines);
            case SGLANG -> SglangMetricsText.render(config, engines);
            case TGI -> TgiMetricsText.render(engines);
            case LLAMACPP -> LlamaCppMetricsText.render(engines);
            case TRTLLM -> TrtLlmMetricsText.render(config, engines);
        };
    }

    static double sum(
            List<EngineMetrics.Snapshot> engines, java.util.function.ToDoubleFunction<EngineMetrics.Snapshot> f) {
        return engines.stream().mapToDouble(f).sum();
    }

    static double max(
            List<EngineMetrics.Snapshot> engines, java.util.function.ToDoubleFunction<EngineMetrics.Snapshot> f) {
        return engines.stream().mapToDouble(f).max().orElse(0);
    }

    static void family(StringBuilder out, String name, String help, String type) {
        if (help != null) {
            out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        }
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    static void sample(StringBuilder out, String name, String labels, double value) {
        out.append(name).append(labels).append(' ').append(value).append('\n');
    }
}
