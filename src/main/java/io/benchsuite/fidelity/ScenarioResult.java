package io.benchsuite.fidelity;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One measured repetition of a scenario.
 *
 * @param timing        the client's errors against the schedule
 * @param resources     what the client process spent
 * @param wallSeconds   from the first send to the last answer
 * @param scrapes       metrics scrapes that succeeded meanwhile (about 100 per second when polling keeps up)
 */
@RegisterForReflection
public record ScenarioResult(TimingErrors timing, ResourceUsage resources, double wallSeconds, int scrapes) {

    /** Client CPU milliseconds per 1,000 chunks received. */
    public double cpuMsPer1000Events() {
        return timing.events() == 0 ? Double.NaN : resources.cpuNanos() / 1e6 / (timing.events() / 1000.0);
    }
}
