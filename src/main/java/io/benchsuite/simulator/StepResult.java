package io.benchsuite.simulator;

import java.util.List;

/**
 * The outcome of one engine step, computed before the step "runs": the driver waits {@code durationNanos}
 * and then delivers the emissions.
 *
 * @param durationNanos prefill of the admitted prompts plus one decode step of the batch
 * @param prefillTokens prompt (and, after preemption, recomputed) tokens admitted in this step
 * @param batchSize     sequences that produced a token in this step
 * @param emissions     one per sequence of the batch, in admission order
 * @param preempted     sequences sent back to the waiting queue during this step
 */
record StepResult(
        long durationNanos, int prefillTokens, int batchSize, List<Emission> emissions, List<Sequence> preempted) {

    record Emission(Sequence sequence, TokenDelta delta) {}
}
