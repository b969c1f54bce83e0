package io.benchsuite.load;

import io.benchsuite.fidelity.ResourceUsage;

/**
 * One load run, measured in the client's process.
 *
 * @param wallSeconds            from the first request sent to the last record received
 * @param usage                  the client process's CPU, peak heap and peak RSS over the run
 * @param simulatorCpuNanos      the simulator process's CPU over the run, -1 when unknown
 * @param peakOpenFds            most descriptors open at once in the client process, -1 when unknown
 * @param openFileLimit          the client process's soft RLIMIT_NOFILE, -1 when unknown
 * @param retainedBytesPerRecord heap each finished request record holds of its own (mean, from the JVM's object
 *                               layout: see {@link RecordFootprint}), NaN when there is none
 * @param loadAverageStart       the machine's one-minute load average when the run started
 * @param loadAverageEnd         the same when it ended
 * @param processors             processors the JVM sees, to read the load average against
 */
public record LoadResult(
        LoadPlan plan,
        RequestTally tally,
        double wallSeconds,
        ResourceUsage usage,
        long simulatorCpuNanos,
        int peakOpenFds,
        long openFileLimit,
        double retainedBytesPerRecord,
        double loadAverageStart,
        double loadAverageEnd,
        int processors) {

    /** The verdict of the benchmark: every request finished without an error of any kind. */
    public boolean clean() {
        return tally.failed() == 0 && tally.succeeded() == plan.requests();
    }
}
