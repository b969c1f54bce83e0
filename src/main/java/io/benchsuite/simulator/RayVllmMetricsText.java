package io.benchsuite.simulator;

import java.util.List;

/**
 * vLLM's page as Ray re-exports it (Ray Serve LLM): every family gets Ray's {@code ray_} prefix, so
 * {@code ray_vllm:num_requests_running}, the names Ray's Serve LLM Grafana dashboard queries. Ray's own
 * labels (WorkerId, ReplicaId...) are not imitated; the engine label of data parallelism stays.
 */
final class RayVllmMetricsText {

    private RayVllmMetricsText() {}

    static String render(SimulatorConfig config, List<EngineMetrics.Snapshot> engines) {
        String vllm = MetricsText.render(config, engines);
        StringBuilder out = new StringBuilder(vllm.length() + 1024);
        for (String line : vllm.split("\n")) {
            if (line.startsWith("vllm:")) {
                out.append("ray_").append(line);
            } else if (line.startsWith("# HELP vllm:") || line.startsWith("# TYPE vllm:")) {
                out.append(line, 0, 7).append("ray_").append(line.substring(7));
            } else {
                out.append(line);
            }
            out.append('\n');
        }
        return out.toString();
    }
}
