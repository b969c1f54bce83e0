package io.benchsuite.prometheus;

/** Gets the metrics page once, blocking the calling thread (the poller's own) until the answer or a failure. */
@FunctionalInterface
public interface MetricsFetcher {

    /** Never throws for a network or server problem: those are {@link FetchResult.Failed} values. */
    FetchResult fetch() throws InterruptedException;
}
