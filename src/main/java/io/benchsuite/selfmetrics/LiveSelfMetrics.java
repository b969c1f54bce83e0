package io.benchsuite.selfmetrics;

import io.benchsuite.prometheus.MetricsPoller;
import io.benchsuite.record.RequestRecord;
import io.benchsuite.schedule.Progress;
import io.benchsuite.suite.PlannedBenchmark;
import io.benchsuite.suite.SuiteProgress;
import java.util.Optional;
import java.util.OptionalDouble;

/** Self-metrics served while a run lasts: the meters, and the HTTP server that exposes them. */
final class LiveSelfMetrics implements SelfMetricsSession {

    /** What {@code run} wraps: it has no console progress of its own. */
    private static final SuiteProgress QUIET = new SuiteProgress() {
        @Override
        public void benchmarkStarted(PlannedBenchmark benchmark, int index, int total, int targetQueries) {}

        @Override
        public void benchmarkEnded(PlannedBenchmark benchmark, int queries, int errors, boolean complete) {}

        @Override
        public void note(String message) {}

        @Override
        public void sent(int sentSoFar) {}

        @Override
        public void finished(RequestRecord record) {}
    };

    private final SuiteMeters meters;
    private final MetricsHttpServer server;

    LiveSelfMetrics(SuiteMeters meters, MetricsHttpServer server) {
        this.meters = meters;
        this.server = server;
    }

    int port() {
        return server.port();
    }

    @Override
    public SuiteProgress wrap(SuiteProgress progress) {
        return new MeteredProgress(progress, meters);
    }

    @Override
    public Progress singleBenchmark(String phase, String pair, int level) {
        meters.planned(1);
        meters.benchmarkStarted(phase, pair, level, 1);
        return new MeteredProgress(QUIET, meters);
    }

    @Override
    public void singleBenchmarkEnded() {
        meters.benchmarkEnded();
    }

    @Override
    public void watchServer(Optional<MetricsPoller> poller) {
        poller.ifPresent(p -> meters.kvCacheUsageFrom(
                () -> p.latest().map(sample -> sample.gauges().kvCacheUsage()).orElse(OptionalDouble.empty())));
    }

    @Override
    public void close() {
        // The port first: a scrape must not see the meters half removed.
        server.close();
        meters.close();
    }
}
