package io.benchsuite.prometheus;

import java.util.function.DoubleBinaryOperator;

/**
 * The gauges the benchmark follows on a server, and how the series of several engines, replicas or models
 * are combined. Which families carry each one depends on the server: see {@link MetricsDialect}.
 */
public enum ServerGauge {
    /** Requests in the engines' batches: summed, since each data-parallel engine or replica runs its own. */
    RUNNING_REQUESTS("running requests", Double::sum),
    /** Requests queued: summed, like the running ones. */
    WAITING_REQUESTS("waiting requests", Double::sum),
    /**
     * KV-cache usage, a 0-1 fraction: the maximum over engines, because the fullest engine is the one that
     * starts preempting or queueing; an average would hide it.
     */
    KV_CACHE_USAGE("KV-cache usage", Math::max);

    private final String description;
    private final DoubleBinaryOperator combine;

    ServerGauge(String description, DoubleBinaryOperator combine) {
        this.description = description;
        this.combine = combine;
    }

    public String description() {
        return description;
    }

    double combine(double left, double right) {
        return combine.applyAsDouble(left, right);
    }
}
