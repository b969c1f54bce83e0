package io.benchsuite.fidelity;

import io.benchsuite.health.ClientHealth;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One measured repetition of a scenario.
 *
 * @param timing        the client's errors against the schedule
 * @param resources     what the client process spent: for {@code bench-suite run}, the whole process from
 *                      start to exit (start-up, warm-up and writing included); for the bare reader, its
 *                      exchange
 * @param wallSeconds   for {@code bench-suite run}, from its start to its exit; for the bare reader, from the
 *                      first send to the last answer
 * @param scrapesPerSecond metrics scrapes kept per second of the benchmark (about 100 when polling keeps up)
 * @param serverCpuNanos CPU time of the simulator process over the scenario, -1 when unknown: with the
 *                      client's, it tells whether lateness comes from a starved machine or from the client
 * @param clientHealth  the same self-check a benchmark's raw result carries, so that it is itself checked
 *                      against the exact schedule
 * @param benchmarkCpuNanos CPU time of the client over the measured benchmark alone (the raw result's
 *                      {@code client_cpu_seconds}; the bare reader's exchange), -1 when unknown
 */
@RegisterForReflection
public record ScenarioResult(
        TimingErrors timing,
        ResourceUsage resources,
        double wallSeconds,
        double scrapesPerSecond,
        long serverCpuNanos,
        ClientHealth clientHealth,
        long benchmarkCpuNanos) {

    /** Simulator CPU milliseconds per 1,000 chunks received, NaN when unknown. */
    public double serverCpuMsPer1000Events() {
        return timing.events() == 0 || serverCpuNanos < 0
                ? Double.NaN
                : serverCpuNanos / 1e6 / (timing.events() / 1000.0);
    }

    /** Client kernel CPU milliseconds per 1,000 chunks received, NaN when unknown. */
    public double kernelCpuMsPer1000Events() {
        return timing.events() == 0 || resources.kernelCpuNanos() < 0
                ? Double.NaN
                : resources.kernelCpuNanos() / 1e6 / (timing.events() / 1000.0);
    }

    /** Client CPU milliseconds per 1,000 chunks received, over the measured benchmark; NaN when unknown. */
    public double cpuMsPer1000Events() {
        return timing.events() == 0 || benchmarkCpuNanos < 0
                ? Double.NaN
                : benchmarkCpuNanos / 1e6 / (timing.events() / 1000.0);
    }
}
