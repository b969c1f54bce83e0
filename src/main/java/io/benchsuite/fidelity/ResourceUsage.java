package io.benchsuite.fidelity;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the client process spent during one scenario.
 *
 * @param cpuNanos       process CPU time (all threads, user + system) over the scenario
 * @param kernelCpuNanos the system (kernel) part of it, from /proc/self/stat at 10 ms resolution; -1 where
 *                       /proc is not available. Socket reads and epoll waits are spent there: it is the part
 *                       no user-space code can shave
 * @param heapPeakBytes  the highest heap use seen by sampling every 10 ms (includes garbage not yet collected)
 * @param rssPeakBytes   the resident set high-water mark (VmHWM), reset at the start of the scenario when the
 *                       kernel allows it, else the process's peak so far; -1 where /proc is not available
 * @param rssPeakReset   whether the high-water mark was reset, so that it belongs to this scenario alone
 * @param cpuMsByThread  CPU milliseconds per kind of thread (event loops, poller, JIT, GC...), live threads only
 */
@RegisterForReflection
public record ResourceUsage(
        long cpuNanos,
        long kernelCpuNanos,
        long heapPeakBytes,
        long rssPeakBytes,
        boolean rssPeakReset,
        java.util.Map<String, Double> cpuMsByThread) {}
