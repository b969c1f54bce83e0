package io.benchsuite.suite;

import io.benchsuite.results.BenchmarkKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The suite's time left, for the progress line. Pure: the caller gives every time, in seconds since the
 * suite started.
 *
 * <p>Benchmarks bounded by time only (prompt ingestion, KV-cache profiles) take their duration. A level of
 * the speed sweep stops once it has sent its target count and its minimum duration has passed, so it takes
 * about {@code ceil(target / level)} request durations (the requests of the last round run to their end),
 * plus its warm-up request; the request duration is the mean measured on the same pair so far (its KV-cache
 * profile runs first). Before any measurement of a pair, a level is assumed to use the share of its maximum
 * duration that the finished levels used. A pair starts no new level once its time budget is spent, as the
 * suite does, so the levels past it are not counted.
 */
final class TimeLeftEstimate {

    private final List<PlannedBenchmark> plan;
    private final Map<String, double[]> requestSeconds = new HashMap<>();
    private final Map<String, Double> pairStart = new HashMap<>();
    private double usedSeconds;
    private double usedBudget;

    TimeLeftEstimate(List<PlannedBenchmark> plan) {
        this.plan = List.copyOf(plan);
    }

    /** A benchmark started at {@code now}. */
    void started(PlannedBenchmark b, double now) {
        if (b.phase() == BenchmarkKind.GENERATION_SPEED) {
            pairStart.putIfAbsent(b.pairLabel(), now);
        }
    }

    /** A benchmark ended after {@code seconds}. */
    void ended(PlannedBenchmark b, double seconds) {
        if (!timeOnly(b)) {
            usedSeconds += seconds;
            usedBudget += b.spec().stopRule().maxDurationSeconds();
        }
    }

    /** A request of benchmark {@code b} answered in full after {@code seconds}. */
    void answered(PlannedBenchmark b, double seconds) {
        if (b.phase() != BenchmarkKind.PROMPT_INGESTION) {
            double[] sumAndCount = requestSeconds.computeIfAbsent(b.pairLabel(), k -> new double[2]);
            sumAndCount[0] += seconds;
            sumAndCount[1]++;
        }
    }

    /**
     * @param current the index in the plan of the benchmark running (0-based)
     * @param now     seconds since the suite started
     * @param elapsed seconds since the current benchmark started
     */
    double secondsLeft(int current, double now, double elapsed) {
        double left = 0;
        Map<String, Double> pairTime = new HashMap<>();
        for (int i = Math.max(0, current); i < plan.size(); i++) {
            PlannedBenchmark b = plan.get(i);
            double expected = expectedSeconds(b);
            if (b.phase() == BenchmarkKind.GENERATION_SPEED) {
                String pair = b.pairLabel();
                Double known = pairTime.get(pair);
                double spent = known != null
                        ? known
                        : pairStart.containsKey(pair) ? now - pairStart.get(pair) - (i == current ? elapsed : 0) : 0;
                if (spent > b.spec().stopRule().maxDurationSeconds()) {
                    continue; // the pair's budget is spent before this level would start
                }
                // The level running counts for at least as long as it has already run.
                pairTime.put(pair, spent + (i == current ? Math.max(expected, elapsed) : expected));
            }
            left += i == current ? Math.max(0, expected - elapsed) : expected;
        }
        return left;
    }

    private double expectedSeconds(PlannedBenchmark b) {
        double max = b.spec().stopRule().maxDurationSeconds();
        if (timeOnly(b)) {
            return max;
        }
        double[] measured = requestSeconds.get(b.pairLabel());
        if (measured == null || measured[1] == 0) {
            return max * (usedBudget > 0 ? Math.min(1, usedSeconds / usedBudget) : 1);
        }
        double request = measured[0] / measured[1];
        int rounds = (int) Math.ceil((double) Math.max(1, b.spec().stopRule().targetQueries()) / b.level());
        double sending = Math.max(b.spec().stopRule().minDurationSeconds(), rounds * request);
        return Math.min(max, sending) + request;
    }

    static boolean timeOnly(PlannedBenchmark b) {
        return b.spec().stopRule().minDurationSeconds() >= b.spec().stopRule().maxDurationSeconds();
    }
}
