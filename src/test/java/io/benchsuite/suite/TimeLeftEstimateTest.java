package io.benchsuite.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.benchsuite.config.BenchSettings;
import io.benchsuite.config.SettingsLoader;
import io.benchsuite.results.BenchmarkKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The progress line's time left on --quick's plan, with the request durations of the simulator's a100-7b
 * preset (2 s for 128 output tokens, 0.25 s for 16): the old estimate summed every benchmark's maximum
 * duration (3m44s for a run of under two minutes).
 */
class TimeLeftEstimateTest {

    private static final List<PlannedBenchmark> PLAN = SuitePlan.of(quickSettings(), true);

    private static BenchSettings quickSettings() {
        return SettingsLoader.load(new HashMap<>(), QuickMode.SETTINGS);
    }

    @Test
    void beforeAnyMeasurementTheTimeBoundBenchmarksCountInFullAndTheLevelsTheirMaximum() {
        TimeLeftEstimate estimate = new TimeLeftEstimate(PLAN);
        double ingestionAndProfiles = 4 * 3 + 4 * 8;
        // Each pair: a level starts while its 30 s budget is not exceeded; with nothing measured a level counts
        // its maximum, 30 s, so the second starts right at the budget and the third never.
        assertEquals(ingestionAndProfiles + 4 * 2 * 30, estimate.secondsLeft(0, 0, 0), 1e-9);
    }

    @Test
    void measuredRequestDurationsGiveEachLevelItsRounds() {
        TimeLeftEstimate estimate = new TimeLeftEstimate(PLAN);
        Map<String, Double> requestSeconds = new HashMap<>();
        for (PlannedBenchmark b : PLAN) {
            if (b.phase() == BenchmarkKind.KV_CACHE_PROFILE) {
                double seconds = b.outputLength() == 128 ? 2.0 : 0.25;
                estimate.answered(b, seconds);
                requestSeconds.put(b.pairLabel(), seconds);
            }
        }
        int firstSpeedLevel = PLAN.indexOf(PLAN.stream()
                .filter(b -> b.phase() == BenchmarkKind.GENERATION_SPEED)
                .findFirst()
                .orElseThrow());
        double expected = 0;
        for (PlannedBenchmark b : PLAN.subList(firstSpeedLevel, PLAN.size())) {
            double request = requestSeconds.get(b.pairLabel());
            // 8 requests per level, a minimum of 1 s, plus the warm-up request.
            expected += Math.max(1, Math.ceil(8.0 / b.level()) * request) + request;
        }
        // (128 output): 18 + 6 + 4 + 4 s; (16 output): 2.25 + 1.25 + 1.25 + 1.25 s: within every budget.
        assertEquals(2 * (18 + 6 + 4 + 4) + 2 * (2.25 + 1.25 + 1.25 + 1.25), expected, 1e-9);
        assertEquals(expected, estimate.secondsLeft(firstSpeedLevel, 60, 0), 1e-9);
        // One second into the first level ((32, 16) at 1: 2.25 s expected), one second less; past its expected
        // end, nothing more for it.
        estimate.started(PLAN.get(firstSpeedLevel), 60);
        assertEquals(expected - 1, estimate.secondsLeft(firstSpeedLevel, 61, 1), 1e-9);
        assertEquals(expected - 2.25, estimate.secondsLeft(firstSpeedLevel, 70, 10), 1e-9);
    }

    @Test
    void aPairNotMeasuredYetBorrowsTheSecondsPerOutputTokenOfThePairsMeasured() {
        TimeLeftEstimate estimate = new TimeLeftEstimate(PLAN);
        PlannedBenchmark firstProfile = PLAN.stream()
                .filter(b -> b.phase() == BenchmarkKind.KV_CACHE_PROFILE && b.outputLength() == 128)
                .findFirst()
                .orElseThrow();
        estimate.answered(firstProfile, 2.0); // 2 s for 128 tokens: 1/64 s a token
        int firstSpeedLevel = PLAN.indexOf(PLAN.stream()
                .filter(b -> b.phase() == BenchmarkKind.GENERATION_SPEED)
                .findFirst()
                .orElseThrow());
        // Every pair now reads 2 s for 128 output tokens and 0.25 s for 16, as if each had been measured: the same
        // figure as in measuredRequestDurationsGiveEachLevelItsRounds, where it is 64 s, far from 4 x 60 s.
        assertEquals(
                2 * (18 + 6 + 4 + 4) + 2 * (2.25 + 1.25 + 1.25 + 1.25),
                estimate.secondsLeft(firstSpeedLevel, 60, 0),
                1e-9);
    }

    @Test
    void aPairWhoseBudgetIsSpentStartsNoOtherLevel() {
        TimeLeftEstimate estimate = new TimeLeftEstimate(PLAN);
        int first = PLAN.indexOf(PLAN.stream()
                .filter(b -> b.phase() == BenchmarkKind.GENERATION_SPEED)
                .findFirst()
                .orElseThrow());
        PlannedBenchmark level1 = PLAN.get(first);
        estimate.answered(level1, 2.0);
        estimate.started(level1, 0);
        // 31 s into the pair's first level (the budget is 30 s): only what is left of it counts for the pair.
        double left = estimate.secondsLeft(first, 31, 31);
        // Its other levels do not count. The 3 other pairs borrow its 2 s for 16 output tokens (1/8 s a token):
        // (1024, 16) runs its four levels, 18 + 6 + 4 + 4 s; a 128-token pair reads 16 s a request, so its first
        // level reaches its 30 s maximum (plus 16 s for the last requests) and spends the budget: 46 s.
        assertEquals((18 + 6 + 4 + 4) + 2 * 46, left, 1e-9);
    }

    @Test
    void requestCountsNeverReadMoreDoneThanPlanned() {
        PlannedBenchmark level16 =
                PLAN.stream().filter(b -> b.level() == 16).findFirst().orElseThrow();
        // The denominator is the target and does not move as more requests are sent (0/8 -> 0/10 -> 20/30 was seen).
        assertEquals("0/8 requests", ConsoleProgress.requests(level16, 0, 10, 8));
        assertEquals("3/8 requests", ConsoleProgress.requests(level16, 3, 4, 8));
        assertEquals("8/8 requests", ConsoleProgress.requests(level16, 8, 30, 8));
        assertEquals("48 requests (target 8 reached)", ConsoleProgress.requests(level16, 48, 56, 8));
        PlannedBenchmark profile = PLAN.stream()
                .filter(b -> b.phase() == BenchmarkKind.KV_CACHE_PROFILE)
                .findFirst()
                .orElseThrow();
        assertEquals("6 requests", ConsoleProgress.requests(profile, 6, 6, 200));
    }

    @Test
    void elapsedPastTheMaximumSaysWhy() {
        assertEquals("5s of 8s", ConsoleProgress.elapsed(5.2, 8));
        assertEquals("8s of 8s", ConsoleProgress.elapsed(8.3, 8));
        assertEquals("13s (max 8s, finishing requests in flight)", ConsoleProgress.elapsed(13, 8));
    }
}
