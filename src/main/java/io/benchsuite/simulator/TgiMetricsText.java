package io.benchsuite.simulator;

import java.util.List;

/**
 * TGI's page: {@code tgi_} names without labels, blank lines between families, some {@code # TYPE} without
 * {@code # HELP} (as TGI's exporter writes them), the current batch and the queue; no KV-cache usage, which
 * TGI does not publish.
 */
final class TgiMetricsText {

    private TgiMetricsText() {}

    static String render(List<EngineMetrics.Snapshot> engines) {
        StringBuilder out = new StringBuilder(1024);
        double finished = FlavourMetrics.sum(engines, s -> s.finishedStop() + s.finishedLength());
        FlavourMetrics.family(out, "tgi_request_success", "Number of successful requests", "counter");
        FlavourMetrics.sample(out, "tgi_request_success", "", finished);
        out.append('\n');
        FlavourMetrics.family(out, "tgi_request_count", null, "counter");
        FlavourMetrics.sample(
                out,
                "tgi_request_count",
                "",
                finished + FlavourMetrics.sum(engines, s -> s.finishedAbort() + s.running() + s.waiting()));
        out.append('\n');
        FlavourMetrics.family(out, "tgi_queue_size", "Current queue size", "gauge");
        FlavourMetrics.sample(out, "tgi_queue_size", "", FlavourMetrics.sum(engines, EngineMetrics.Snapshot::waiting));
        out.append('\n');
        FlavourMetrics.family(out, "tgi_batch_current_size", "Current batch size", "gauge");
        FlavourMetrics.sample(
                out, "tgi_batch_current_size", "", FlavourMetrics.sum(engines, EngineMetrics.Snapshot::running));
        out.append('\n');
        return out.toString();
    }
}
