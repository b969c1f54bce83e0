package io.benchsuite.suite;

import static io.benchsuite.record.TestRecords.ANCHOR;
import static io.benchsuite.record.TestRecords.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.stats.KvCacheThresholdCriterion;
import io.benchsuite.stats.LevelCriterion;
import io.benchsuite.stats.MeasuredLevel;
import io.benchsuite.stats.QueryStats;
import io.benchsuite.stats.QueryStatsCalculator;
import io.benchsuite.stats.RunMetrics;
import io.benchsuite.stats.ServerPeaks;
import io.benchsuite.stats.SpeedThresholdCriterion;
import io.benchsuite.stats.SweepLevel;
import io.benchsuite.stats.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The adaptive sweep's search on synthetic curves, with no clock and no server: each "measurement" is the curve's
 * value at the level asked for, and the search must land on the curve's crossing.
 */
class AdaptiveSweepTest {

    /** A server whose median speed falls as 200 / (1 + n / 4) tokens/s: 20 t/s is crossed between 36 and 37. */
    private static final IntToDoubleFunction SPEED = n -> 200.0 / (1 + n / 4.0);

    /** KV-cache usage growing as n / 30, full (0.95) from level 29 (28.5). */
    private static final IntToDoubleFunction KV = n -> Math.min(1.0, n / 30.0);

    /** A level whose requests all ran at {@code speed} tokens/s (2 tokens each) and whose KV cache peaked at kv. */
    private static MeasuredLevel level(int n, double speed, double kv) {
        long endMs = Math.round(2000 / speed);
        QueryStats query = QueryStatsCalculator.compute(
                request().startMs(0).endMs(endMs).chunksMs(endMs / 2, endMs).build(), ANCHOR);
        List<QueryStats> queries = List.of(query);
        return new MeasuredLevel(n, queries, RunMetrics.of(queries, new ServerPeaks(kv, n, 0), 1), 1);
    }

    private static MeasuredLevel onCurve(int n) {
        return level(n, SPEED.applyAsDouble(n), KV.applyAsDouble(n));
    }

    /** Runs the search to its end on the curves, returning the levels in the order asked, and the last reason. */
    private static List<Integer> search(AdaptiveSweep sweep, List<String> reasons) {
        List<MeasuredLevel> measured = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int guard = 0; guard < 100; guard++) {
            AdaptiveSweep.Step step = sweep.next(measured);
            reasons.add(step.reason());
            if (step.done()) {
                return order;
            }
            int n = step.level().getAsInt();
            assertFalse(order.contains(n), "level " + n + " asked twice: " + order);
            order.add(n);
            measured.add(onCurve(n));
        }
        throw new AssertionError("the search did not end: " + order);
    }

    private static List<LevelCriterion> thresholds() {
        return List.of(new SpeedThresholdCriterion(20), new KvCacheThresholdCriterion(0.95));
    }

    @Test
    void findsEachCrossingToTheLevelInAFractionOfTheLevels() {
        List<String> reasons = new ArrayList<>();
        List<Integer> order = search(new AdaptiveSweep(thresholds(), 64, List.of(10)), reasons);

        List<SweepLevel> levels =
                order.stream().map(n -> onCurve(n).sweepLevel()).toList();
        // The same answers as a sweep over every level from 1 to 64 would give.
        assertEquals(36, Thresholds.speed(levels, 20).lastBeforeFirstFailure(), order.toString());
        assertEquals(28, Thresholds.kvCache(levels, 0.95).orElseThrow().lastBeforeFirstFailure(), order.toString());
        assertTrue(order.contains(36) && order.contains(37) && order.contains(28) && order.contains(29));
        List<Integer> bisected = search(
                new AdaptiveSweep(
                        thresholds().stream()
                                .map(AdaptiveSweepCurvesTest::withoutMargin)
                                .toList(),
                        64,
                        List.of(10)),
                new ArrayList<>());
        // Plain bracketing and bisection (the same criteria without margins) took 12 levels; the margins' lines 8.
        assertEquals(List.of(1, 10, 20, 40, 30, 35, 37, 36, 25, 27, 28, 29), bisected);
        assertEquals(List.of(1, 10, 28, 29, 34, 64, 36, 37), order);
        assertEquals("bracket: lowest level", reasons.get(0));
        assertEquals("required: the model card's headline level", reasons.get(1));
        // The KV usage is a line: extrapolated from 1 and 10, its last level below 0.95 is 28, and 29 fails.
        assertEquals("extrapolate kv_cache_threshold from 1 and 10 (crossing near 28.5)", reasons.get(2));
        assertEquals("extrapolate speed_threshold from 28 and 29 (crossing near 34.7)", reasons.get(4));
        // 34 held, but the highest level did not double over the last two: doubling, not creeping up.
        assertEquals("bracket: doubling (speed_threshold held up to 34)", reasons.get(5));
        assertEquals("interpolate speed_threshold between 34 and 64 (crossing near 36.0)", reasons.get(6));
        assertEquals(
                "done: speed_threshold holds up to 36, fails at 37; kv_cache_threshold holds up to 28, fails at 29",
                reasons.get(reasons.size() - 1));
    }

    @Test
    void aCriterionNeverCrossedEndsAtTheLargestLevel() {
        List<String> reasons = new ArrayList<>();
        List<Integer> order =
                search(new AdaptiveSweep(List.of(new SpeedThresholdCriterion(1)), 38, List.of()), reasons);
        // The speed falls from 1 to 2 but, extrapolated, stays above 1 t/s beyond 38: straight to the largest level.
        assertEquals(List.of(1, 2, 38), order);
        assertEquals("extrapolate speed_threshold: crossing beyond 38", reasons.get(2));
        assertEquals("done: speed_threshold not reached up to 38", reasons.get(reasons.size() - 1));
    }

    @Test
    void aCriterionFailingAtLevelOneEndsWithTheMinimumLevels() {
        List<String> reasons = new ArrayList<>();
        List<Integer> order =
                search(new AdaptiveSweep(List.of(new SpeedThresholdCriterion(1000)), 38, List.of()), reasons);
        // Nothing to search; three levels still make a curve.
        assertEquals(List.of(1, 2, 4), order);
        assertEquals("at least 3 levels for the graphs", reasons.get(1));
        assertEquals("done: speed_threshold below the lowest level", reasons.get(reasons.size() - 1));
    }

    @Test
    void everyCriterionOfTheListIsSearchedNotOnlyTwo() {
        // A third criterion, such as a service-level objective, crossing between 5 and 6.
        LevelCriterion upToFive = new LevelCriterion() {
            @Override
            public String name() {
                return "ttft_p90";
            }

            @Override
            public boolean holds(MeasuredLevel level) {
                return level.parallelRequests() <= 5;
            }
        };
        List<LevelCriterion> criteria = new ArrayList<>(thresholds());
        criteria.add(upToFive);
        List<String> reasons = new ArrayList<>();
        List<Integer> order = search(new AdaptiveSweep(criteria, 64, List.of(10)), reasons);
        assertTrue(order.contains(5) && order.contains(6), order.toString());
        assertTrue(reasons.get(reasons.size() - 1).endsWith("ttft_p90 holds up to 5, fails at 6"));
    }

    @Test
    void aNoisyLevelAboveTheFirstFailureDoesNotMoveTheCrossing() {
        AdaptiveSweep sweep = new AdaptiveSweep(List.of(new SpeedThresholdCriterion(20)), 16, List.of());
        List<MeasuredLevel> measured = List.of(level(1, 50, -1), level(2, 10, -1), level(4, 30, -1));
        AdaptiveSweep.Step step = sweep.next(measured);
        // Failed at 2 right after holding at 1: nothing left to bisect, and 4 holding again changes nothing.
        assertTrue(step.done(), step.reason());
        assertEquals("done: speed_threshold holds up to 1, fails at 2", step.reason());
    }

    @Test
    void aSingleLevelRangeRunsOnlyLevelOne() {
        List<String> reasons = new ArrayList<>();
        assertEquals(List.of(1), search(new AdaptiveSweep(thresholds(), 1, List.of(10)), reasons));
    }

    @Test
    void levelsOutsideTheRangeAreNotRequiredAndCriteriaAreNeeded() {
        List<String> reasons = new ArrayList<>();
        List<Integer> order = search(new AdaptiveSweep(thresholds(), 8, List.of(10)), reasons);
        assertFalse(order.contains(10));
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveSweep(List.of(), 8, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveSweep(thresholds(), 0, List.of()));
    }
}
