package io.benchsuite.fidelity;

import io.benchsuite.health.ClientHealth;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One measured repetition of a scenario.
 *
 * @param timing        the client's errors against the schedule
 * @param resources     what the client process spent
 * @param wallSeconds   from the first send to the last answer
 * @param scrapes       metrics scrapes that succeeded meanwhile (about 100 per second when polling keeps up)
 * @param serverCpuNanos CPU time of the simulator process over the scenario, -1 when unknown: with the
 *                      client's, it tells whether lateness comes from a starved machine or from the client
 * @param clientHealth  the same self-check a benchmark's raw result carries, so that it is itself checked
 *                      against the exact schedule
 */
@RegisterForReflection
public record ScenarioResult(
        TimingErrors timing,
        ResourceUsage resources,
        double wallSeconds,
        int scrapes,
        long serverCpuNanos,
        ClientHealth clientHealth) {

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

    /** Client CPU milliseconds per 1,000 chunks received. */
    public double cpuMsPer1000Events() {
        return timing.events() == 0 ? Double.NaN : resources.cpuNanos() / 1e6 / (timing.events() / 1000.0);
    }
}
