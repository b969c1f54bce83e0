package io.benchsuite.prometheus;

/** Gets the metrics page once, blocking the calling thread (the poller's own) until the answer or a failure. */
@FunctionalInterface
public interface MetricsFetcher extends AutoCloseable {

    /** Never throws for a network or server problem: those are {@link FetchResult.Failed} values. */
    FetchResult fetch() throws InterruptedException;

    /** Frees the connection and threads, once the poller has stopped calling {@link #fetch()}. */
    @Override
    default void close() {}
}
