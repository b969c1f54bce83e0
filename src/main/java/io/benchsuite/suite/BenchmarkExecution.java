package io.benchsuite.suite;

import io.benchsuite.results.RawResult;
import java.util.List;

/**
 * How the suite runs one benchmark once it has decided to: on this machine alone ({@link #LOCAL}), or spread
 * over several processes whose requests are merged into one result (the shards of io.benchsuite.shard). The
 * suite keeps every decision (which benchmark, resume, sweep stops); this only says where the requests come
 * from.
 */
@FunctionalInterface
public interface BenchmarkExecution {

    /**
     * @param runner  this process's runner for the benchmark: stoppable by the suite, and the one whose
     *                {@link BenchmarkRunner#gaveUp()} the suite reads afterwards
     * @param planned the benchmark, as planned (spec, raw file name, pair and level)
     * @param prompts the prompts this process would send alone, drawn from the run's seed and the file name
     * @return the benchmark's raw result, holding every request measured for it
     */
    RawResult run(BenchmarkRunner runner, PlannedBenchmark planned, List<String> prompts) throws InterruptedException;

    /** This process sends every request of the benchmark. */
    BenchmarkExecution LOCAL = (runner, planned, prompts) -> runner.run(planned.spec(), prompts);

    /** Builds the execution of a run once its server session is open (shards need its clock and client). */
    @FunctionalInterface
    interface Factory {
        BenchmarkExecution of(RunContext context);

        Factory LOCAL = context -> BenchmarkExecution.LOCAL;
    }
}
