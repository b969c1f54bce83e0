package io.benchsuite.prometheus;

import java.util.OptionalDouble;

/**
 * What the benchmark follows on the server during a run. Each value is empty when the page has no family for
 * it. {@code kvCacheUsage} is a fraction between 0 and 1 (vLLM's "_perc" names notwithstanding).
 */
public record ServerGauges(
        OptionalDouble runningRequests, OptionalDouble waitingRequests, OptionalDouble kvCacheUsage) {

    public static final ServerGauges NONE =
            new ServerGauges(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
}
