package io.benchsuite.suite;

import io.benchsuite.schedule.Progress;

/** What the suite tells about its progress, beyond the per-request events of {@link Progress}. */
public interface SuiteProgress extends Progress {

    /** A benchmark starts; {@code index} counts from 1 over {@code total} planned ones. */
    void benchmarkStarted(PlannedBenchmark benchmark, int index, int total, int targetQueries);

    /** A benchmark ended (finished, or interrupted when {@code complete} is false). */
    void benchmarkEnded(PlannedBenchmark benchmark, int queries, int errors, boolean complete);

    /** Something the user should know: a skipped level, a resumed benchmark... */
    void note(String message);
}
