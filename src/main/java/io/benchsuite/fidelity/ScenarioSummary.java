package io.benchsuite.fidelity;

import io.benchsuite.stats.Percentiles;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A scenario's figures as the median over its repetitions, each figure on its own (the median TTFT p99 and
 * the median CPU may come from different repetitions): one slow repetition, caused by another process on a
 * shared machine, then moves no figure. Failed requests are summed instead, since any failure matters.
 * {@code cpuSeconds} is the process's CPU over the whole run (for {@code bench-suite run}: start to exit),
 * {@code cpuMsPer1000Events} the CPU over the measured benchmark per 1,000 tokens; {@code heapPeakMiB} is NaN
 * where it was not sampled (the child process).
 */
@RegisterForReflection
public record ScenarioSummary(
        Scenario scenario,
        int repetitions,
        double ttftErrorMeanMs,
        double ttftErrorP99Ms,
        double ttftErrorStdMs,
        double interTokenErrorMeanMs,
        double interTokenErrorP99Ms,
        double interTokenErrorStdMs,
        double burstShare,
        double cpuMsPer1000Events,
        double kernelCpuMsPer1000Events,
        double cpuSeconds,
        double heapPeakMiB,
        double rssPeakMiB,
        double scrapesPerSecond,
        double serverCpuMsPer1000Events,
        int failedRequests,
        List<ScenarioResult> runs) {

    private static final double MIB = 1024.0 * 1024.0;

    public static ScenarioSummary medianOf(Scenario scenario, List<ScenarioResult> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no repetition to summarize");
        }
        return new ScenarioSummary(
                scenario,
                runs.size(),
                median(runs, r -> r.timing().ttft().meanMs()),
                median(runs, r -> r.timing().ttft().p99Ms()),
                median(runs, r -> r.timing().ttft().stdMs()),
                median(runs, r -> r.timing().interToken().meanMs()),
                median(runs, r -> r.timing().interToken().p99Ms()),
                median(runs, r -> r.timing().interToken().stdMs()),
                median(runs, r -> r.timing().burstShare()),
                median(runs, ScenarioResult::cpuMsPer1000Events),
                median(runs, ScenarioResult::kernelCpuMsPer1000Events),
                median(
                        runs,
                        r -> r.resources().cpuNanos() < 0
                                ? Double.NaN
                                : r.resources().cpuNanos() / 1e9),
                median(
                        runs,
                        r -> r.resources().heapPeakBytes() < 0
                                ? Double.NaN
                                : r.resources().heapPeakBytes() / MIB),
                median(
                        runs,
                        r -> r.resources().rssPeakBytes() < 0
                                ? Double.NaN
                                : r.resources().rssPeakBytes() / MIB),
                median(runs, ScenarioResult::scrapesPerSecond),
                median(runs, ScenarioResult::serverCpuMsPer1000Events),
                runs.stream().mapToInt(r -> r.timing().failedRequests()).sum(),
                List.copyOf(runs));
    }

    private static double median(List<ScenarioResult> runs, ToDoubleFunction<ScenarioResult> figure) {
        return Percentiles.median(runs.stream().mapToDouble(figure).toArray());
    }
}
