package io.benchsuite.selfmetrics;

import io.benchsuite.record.RequestRecord;
import io.benchsuite.suite.PlannedBenchmark;
import io.benchsuite.suite.SuiteProgress;

/** Passes every progress event on to the console (or any other progress) and feeds the self-metrics with it. */
public final class MeteredProgress implements SuiteProgress {

    private final SuiteProgress delegate;
    private final SuiteMeters meters;

    public MeteredProgress(SuiteProgress delegate, SuiteMeters meters) {
        this.delegate = delegate;
        this.meters = meters;
    }

    @Override
    public void benchmarkStarted(PlannedBenchmark benchmark, int index, int total, int targetQueries) {
        meters.planned(total);
        meters.benchmarkStarted(benchmark.phase().label(), benchmark.pairLabel(), benchmark.level(), index);
        delegate.benchmarkStarted(benchmark, index, total, targetQueries);
    }

    @Override
    public void benchmarkEnded(PlannedBenchmark benchmark, int queries, int errors, boolean complete) {
        meters.benchmarkEnded();
        delegate.benchmarkEnded(benchmark, queries, errors, complete);
    }

    @Override
    public void note(String message) {
        delegate.note(message);
    }

    @Override
    public void sent(int sentSoFar) {
        meters.requestSent();
        delegate.sent(sentSoFar);
    }

    @Override
    public void finished(RequestRecord record) {
        meters.requestFinished(record);
        delegate.finished(record);
    }
}
