package io.benchsuite.suite;

import io.benchsuite.client.LengthFields;
import io.benchsuite.client.StreamingClient;
import io.benchsuite.config.Api;
import io.benchsuite.config.Backend;
import io.benchsuite.prometheus.MetricsPoller;
import io.benchsuite.record.TimeAnchor;
import io.benchsuite.schedule.Progress;
import io.benchsuite.workload.ExactPromptLengths;
import java.util.Map;
import java.util.Optional;

/**
 * What every benchmark of a run shares: the client, the server's description, the metrics poller (absent
 * when the backend has no metrics), the time anchor mapping nanoTime to epoch seconds, and the parameters
 * common to every raw result.
 *
 * @param idleMetricsSeconds seconds of metrics sampled before and after the requests (the original's 1 s)
 * @param exactLengths       present with --exact-input-lengths: fits each benchmark's prompts to its length
 * @param api                completions or chat: the shape of every request body
 */
public record RunContext(
        StreamingClient client,
        Backend backend,
        String model,
        Optional<MetricsPoller> poller,
        TimeAnchor anchor,
        Map<String, Object> commonParameters,
        double idleMetricsSeconds,
        long seed,
        Progress progress,
        Optional<ExactPromptLengths> exactLengths,
        Api api) {

    /** Whether the server is told to generate exactly the length asked for (see {@link LengthFields}). */
    public boolean lengthForced() {
        return LengthFields.of(backend, api).forcesLength();
    }
}
