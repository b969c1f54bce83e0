package io.benchsuite.selfmetrics;

import io.benchsuite.prometheus.MetricsPoller;
import io.benchsuite.schedule.Progress;
import io.benchsuite.suite.SuiteObserver;
import io.benchsuite.suite.SuiteProgress;
import java.util.Optional;

/**
 * The self-metrics of one command run: either live (meters plus their HTTP port) or {@link #OFF}, in which
 * case every call leaves the run as it was. Closing a live session closes the port and removes the meters.
 */
public interface SelfMetricsSession extends AutoCloseable, SuiteObserver {

    /** The suite's progress, also feeding the meters. */
    @Override
    SuiteProgress wrap(SuiteProgress progress);

    /** For {@code bench-suite run}: the progress of its single benchmark, described by phase, pair and level. */
    Progress singleBenchmark(String phase, String pair, int level);

    /** {@code bench-suite run}'s single benchmark ended. */
    void singleBenchmarkEnded();

    /** Exports the last KV-cache usage the run's poller read (nothing when the backend has no metrics). */
    @Override
    void watchServer(Optional<MetricsPoller> poller);

    @Override
    void close();

    SelfMetricsSession OFF = new SelfMetricsSession() {
        @Override
        public SuiteProgress wrap(SuiteProgress progress) {
            return progress;
        }

        @Override
        public Progress singleBenchmark(String phase, String pair, int level) {
            return Progress.NONE;
        }

        @Override
        public void singleBenchmarkEnded() {}

        @Override
        public void watchServer(Optional<MetricsPoller> poller) {}

        @Override
        public void close() {}
    };
}
