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
 * profile runs first). A pair not measured yet borrows the other pairs' measured seconds per output token,
 * times its own output length: a request's duration is mostly its decoding, one step per token, so a pair of
 * 128 output tokens measured at 2 s tells that a pair of 16 takes about 0.25 s. (Without that, every level
 * counted its maximum duration and the first estimate of a --quick run was about twice its length.) Before any
 * pair is measured, a level is assumed to use the share of its maximum duration that the finished levels used. A pair starts no new level once its time budget is spent, as the
 * suite does, so the levels past it are not counted.
 */
final class TimeLeftEstimate {

    private final List<PlannedBenchmark> plan;
    private final Map<String, double[]> requestSeconds = new HashMap<>();
    private final Map<String, Integer> outputLengths = new HashMap<>();
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
            outputLengths.put(b.pairLabel(), Math.max(1, b.outputLength()));
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
        double request;
        if (measured != null && measured[1] > 0) {
            request = measured[0] / measured[1];
        } else if (!requestSeconds.isEmpty()) {
            request = secondsPerOutputToken() * Math.max(1, b.outputLength());
        } else {
            return max * (usedBudget > 0 ? Math.min(1, usedSeconds / usedBudget) : 1);
        }
        int rounds = (int) Math.ceil((double) Math.max(1, b.spec().stopRule().targetQueries()) / b.level());
        double sending = Math.max(b.spec().stopRule().minDurationSeconds(), rounds * request);
        return Math.min(max, sending) + request;
    }

    /** The mean over the measured pairs of their mean request duration divided by their output length. */
    private double secondsPerOutputToken() {
        double sum = 0;
        for (Map.Entry<String, double[]> pair : requestSeconds.entrySet()) {
            sum += pair.getValue()[0] / pair.getValue()[1] / outputLengths.get(pair.getKey());
        }
        return sum / requestSeconds.size();
    }

    static boolean timeOnly(PlannedBenchmark b) {
        return b.spec().stopRule().minDurationSeconds() >= b.spec().stopRule().maxDurationSeconds();
    }
}
