package io.benchsuite.fidelity;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * One target of issue 17 section 2 (2-core machine, simulator included, metrics polled every 10 ms, the whole
 * run as {@code bench-suite run} writes it) and whether a run met it. The original Python tool's figure from
 * the table is kept beside it for comparison.
 *
 * <p>The floor rule: a target the bare java.nio reader misses too, measured in the same session, counts as met
 * when the client is within 1.3 times the floor (CPU, RSS) or within the floor + 2 ms (TTFT p99). The
 * launch rule: started with plain {@code java -jar}, no figure may be more than twice the launcher's.
 *
 * @param streams      the scenario the target applies to
 * @param figure       what is compared
 * @param unit         the unit of {@code limit}, {@code measured} and {@code floor}
 * @param limit        the highest acceptable value (for the floor rule, the limit it gives when it applies)
 * @param measured     the median over repetitions; NaN when the scenario was not run
 * @param floor        the bare reader's value of the same figure, NaN when none was measured
 * @param originalTool the Python tool's value, NaN when none was quoted
 * @param pass         whether the target is met, by its limit or by the floor rule
 */
@RegisterForReflection
public record TargetCheck(
        int streams,
        String figure,
        String unit,
        double limit,
        double measured,
        double floor,
        double originalTool,
        boolean pass) {

    /** How the floor relaxes a target the floor itself misses. */
    enum FloorRule {
        NONE,
        TIMES_1_3,
        PLUS_2_MS;

        double relaxed(double limit, double floor) {
            if (Double.isNaN(floor) || floor <= limit) {
                return limit;
            }
            return switch (this) {
                case NONE -> limit;
                case TIMES_1_3 -> floor * 1.3;
                case PLUS_2_MS -> floor + 2;
            };
        }
    }

    private record Target(
            int streams,
            String figure,
            String unit,
            double limit,
            double originalTool,
            FloorRule rule,
            ToDoubleFunction<ScenarioSummary> value) {}

    /** Relative to the floor: the limit is this factor times the floor's value. */
    static final double CPU_PER_TOKEN_FACTOR = 1.3;
    /** Plain {@code java -jar} against the launcher: at most this factor on every figure. */
    static final double PLAIN_JAVA_FACTOR = 2;

    private static final List<Target> TARGETS = List.of(
            new Target(100, "TTFT error mean", "ms", 0.6, 4.40, FloorRule.NONE, ScenarioSummary::ttftErrorMeanMs),
            new Target(100, "TTFT error p99", "ms", 5, 113.6, FloorRule.PLUS_2_MS, ScenarioSummary::ttftErrorP99Ms),
            new Target(
                    100,
                    "inter-token error std",
                    "ms",
                    0.5,
                    3.05,
                    FloorRule.NONE,
                    ScenarioSummary::interTokenErrorStdMs),
            new Target(1000, "TTFT error mean", "ms", 2, 253.6, FloorRule.NONE, ScenarioSummary::ttftErrorMeanMs),
            new Target(1000, "TTFT error p99", "ms", 20, 1450, FloorRule.PLUS_2_MS, ScenarioSummary::ttftErrorP99Ms),
            new Target(
                    1000,
                    "inter-token error std",
                    "ms",
                    2,
                    42.8,
                    FloorRule.NONE,
                    ScenarioSummary::interTokenErrorStdMs),
            new Target(1000, "peak RSS", "MiB", 200, 184, FloorRule.TIMES_1_3, ScenarioSummary::rssPeakMiB),
            new Target(1, "client CPU over the run", "s", 4.8, 4.8, FloorRule.TIMES_1_3, ScenarioSummary::cpuSeconds));

    /** The figures the launch rule compares, with their units. */
    private static final List<Target> LAUNCH_FIGURES = List.of(
            new Target(0, "TTFT error mean", "ms", 0, Double.NaN, FloorRule.NONE, ScenarioSummary::ttftErrorMeanMs),
            new Target(0, "TTFT error p99", "ms", 0, Double.NaN, FloorRule.NONE, ScenarioSummary::ttftErrorP99Ms),
            new Target(
                    0,
                    "inter-token error std",
                    "ms",
                    0,
                    Double.NaN,
                    FloorRule.NONE,
                    ScenarioSummary::interTokenErrorStdMs),
            new Target(0, "client CPU over the run", "s", 0, Double.NaN, FloorRule.NONE, ScenarioSummary::cpuSeconds),
            new Target(0, "peak RSS", "MiB", 0, Double.NaN, FloorRule.NONE, ScenarioSummary::rssPeakMiB));

    /**
     * Every target whose scenario was run.
     *
     * @param clients the client's summaries (started as this process was)
     * @param floors  the bare reader's, scenario by scenario (may be shorter or empty)
     * @param plain   the client's summaries when started with plain {@code java -jar}; empty when not measured
     */
    public static List<TargetCheck> evaluate(
            List<ScenarioSummary> clients, List<ScenarioSummary> floors, List<ScenarioSummary> plain) {
        List<TargetCheck> checks = new ArrayList<>();
        for (Target target : TARGETS) {
            for (ScenarioSummary s : clients) {
                if (s.scenario().streams() == target.streams()) {
                    double floor = find(floors, s.scenario().streams())
                            .map(f -> target.value().applyAsDouble(f))
                            .orElse(Double.NaN);
                    double limit = target.rule().relaxed(target.limit(), floor);
                    checks.add(check(
                            s, target.figure(), target.unit(), limit, target.value(), floor, target.originalTool()));
                }
            }
        }
        for (ScenarioSummary s : clients) {
            if (s.scenario().streams() == 1) {
                continue; // at one stream the CPU is the poller's, not the streams': no per-token target there
            }
            double floorCpu = find(floors, s.scenario().streams())
                    .map(ScenarioSummary::cpuMsPer1000Events)
                    .orElse(Double.NaN);
            checks.add(check(
                    s,
                    "client CPU per 1000 tokens",
                    "ms",
                    floorCpu * CPU_PER_TOKEN_FACTOR,
                    ScenarioSummary::cpuMsPer1000Events,
                    floorCpu,
                    Double.NaN));
        }
        for (ScenarioSummary p : plain) {
            Optional<ScenarioSummary> launcher = find(clients, p.scenario().streams());
            for (Target figure : LAUNCH_FIGURES) {
                double reference =
                        launcher.map(l -> figure.value().applyAsDouble(l)).orElse(Double.NaN);
                // A timing error at or below zero cannot be doubled: the limit is then the absolute 0.1 ms.
                double limit = reference > 0 ? reference * PLAIN_JAVA_FACTOR : 0.1;
                checks.add(check(
                        p,
                        "java -jar: " + figure.figure(),
                        figure.unit(),
                        limit,
                        figure.value(),
                        Double.NaN,
                        Double.NaN));
            }
        }
        return checks;
    }

    private static TargetCheck check(
            ScenarioSummary s,
            String figure,
            String unit,
            double limit,
            ToDoubleFunction<ScenarioSummary> value,
            double floor,
            double originalTool) {
        double measured = value.applyAsDouble(s);
        // A failed request means the figures describe part of the run only: no pass then. NaN never passes.
        boolean pass = measured <= limit && s.failedRequests() == 0;
        return new TargetCheck(s.scenario().streams(), figure, unit, limit, measured, floor, originalTool, pass);
    }

    private static Optional<ScenarioSummary> find(List<ScenarioSummary> summaries, int streams) {
        return summaries.stream().filter(s -> s.scenario().streams() == streams).findFirst();
    }
}
