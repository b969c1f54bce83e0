package io.benchsuite.suite;

import io.benchsuite.prometheus.MetricsPoller;
import java.util.Optional;

/**
 * What the caller of a suite may add to it without the suite knowing what it is: a wrapper around the suite's
 * progress and a look at the server's metrics poller. The command line composes the tool's own metrics
 * ({@code --metrics-port}) through it, so that the suite does not depend on them.
 */
public interface SuiteObserver {

    /** Does nothing: the progress is the console's alone. */
    SuiteObserver NONE = new SuiteObserver() {
        @Override
        public SuiteProgress wrap(SuiteProgress progress) {
            return progress;
        }

        @Override
        public void watchServer(Optional<MetricsPoller> poller) {}
    };

    /** The suite's progress as the suite will report to it: {@code progress} itself or a wrapper feeding it. */
    SuiteProgress wrap(SuiteProgress progress);

    /** Called once the server session is open, with its metrics poller (empty when the backend has none). */
    void watchServer(Optional<MetricsPoller> poller);
}
