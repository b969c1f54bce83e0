package io.benchsuite.suite;

import static io.benchsuite.record.TestRecords.ANCHOR;
import static io.benchsuite.record.TestRecords.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.stats.KvCacheThresholdCriterion;
import io.benchsuite.stats.LevelCriterion;
import io.benchsuite.stats.MeasuredLevel;
import io.benchsuite.stats.QueryStats;
import io.benchsuite.stats.QueryStatsCalculator;
import io.benchsuite.stats.RunMetrics;
import io.benchsuite.stats.ServerPeaks;
import io.benchsuite.stats.SpeedThresholdCriterion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The adaptive sweep's interpolation-guided search against plain bracketing and bisection (the same criteria
 * without margins), on synthetic curves and on the speeds measured on the simulator: the same crossings, and no
 * more levels on smooth curves. Pure: each "measurement" is the curve's value at the level asked for.
 */
class AdaptiveSweepCurvesTest {

    private static final double SPEED_THRESHOLD = 40;

    /**
     * A level whose one request ran at {@code speed} tokens/s (2000 tokens, so the speed is exact to 1e-4) and
     * whose KV cache peaked at {@code kv}.
     */
    static MeasuredLevel level(int n, double speed, double kv) {
        long endMs = Math.round(2_000_000 / speed);
        QueryStats query = QueryStatsCalculator.compute(
                request()
                        .startMs(0)
                        .endMs(endMs)
                        .chunksMs(endMs / 2, endMs)
                        .chunkTokens(1000, 1000)
                        .completionTokens(2000)
                        .build(),
                ANCHOR);
        List<QueryStats> queries = List.of(query);
        return new MeasuredLevel(n, queries, RunMetrics.of(queries, new ServerPeaks(kv, n, 0), 1), 1);
    }

    /** Piecewise-linear interpolation of a table of (level, value) points, flat beyond its ends. */
    static IntToDoubleFunction table(double... levelValuePairs) {
        return n -> {
            for (int i = 0; i + 3 < levelValuePairs.length; i += 2) {
                double x0 = levelValuePairs[i], y0 = levelValuePairs[i + 1];
                double x1 = levelValuePairs[i + 2], y1 = levelValuePairs[i + 3];
                if (n <= x1 || i + 4 >= levelValuePairs.length) {
                    double t = Math.max(0, Math.min(1, (n - x0) / (x1 - x0)));
                    return y0 + t * (y1 - y0);
                }
            }
            return levelValuePairs[1];
        };
    }

    /** The adaptive run of 2026-11-29, pair (32, 16): the speeds of the levels it ran. */
    static final IntToDoubleFunction SPEED_32 =
            table(1, 64.2, 10, 50.4, 20, 42.4, 22, 40.4, 23, 39.7, 24, 39.1, 29, 37.7, 38, 32.0);

    /** The same pair in the grid run of 2026-11-29. */
    static final IntToDoubleFunction SPEED_32_GRID = table(
            1, 64.0, 2, 59.9, 3, 58.4, 4, 57.0, 6, 54.6, 8, 52.2, 10, 50.1, 14, 46.4, 18, 43.1, 22, 40.3, 26, 37.8, 30,
            35.7, 34, 33.7, 38, 31.9);

    /** The adaptive run of 2026-11-29, pair (1024, 16), with 20 and 38 as measured there. */
    static final IntToDoubleFunction SPEED_1024 = table(1, 45.8, 2, 34.3, 3, 28.1, 5, 20.6, 10, 12.5, 20, 6.7, 38, 3.7);

    /** The simulator's KV-cache usage per level: far below any threshold. */
    static IntToDoubleFunction kv(double perLevel) {
        return n -> perLevel * n;
    }

    /** Everything a run of the search did. */
    record Run(List<Integer> levels, List<String> reasons, List<AdaptiveSweep.Crossing> crossings) {}

    static Run search(
            List<LevelCriterion> criteria,
            int largest,
            List<Integer> required,
            IntToDoubleFunction speed,
            IntToDoubleFunction kv) {
        AdaptiveSweep sweep = new AdaptiveSweep(criteria, largest, required);
        List<MeasuredLevel> measured = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (int guard = 0; guard <= largest; guard++) {
            AdaptiveSweep.Step step = sweep.next(measured);
            reasons.add(step.reason());
            if (step.done()) {
                return new Run(order, reasons, sweep.crossings(measured));
            }
            int n = step.level().getAsInt();
            assertFalse(order.contains(n), "level " + n + " asked twice: " + order + " " + reasons);
            assertTrue(n >= 1 && n <= largest, "level out of range: " + n);
            order.add(n);
            measured.add(level(n, speed.applyAsDouble(n), kv.applyAsDouble(n)));
            // The answer does not depend on the order in which the levels are given (resume reads them back).
            List<MeasuredLevel> shuffled = new ArrayList<>(measured);
            Collections.reverse(shuffled);
            AdaptiveSweep.Step again = sweep.next(shuffled);
            AdaptiveSweep.Step now = sweep.next(measured);
            assertEquals(now, again);
        }
        throw new AssertionError("the search did not end: " + order);
    }

    /** The same criterion without a margin: the search falls back to doubling and bisection. */
    static LevelCriterion withoutMargin(LevelCriterion criterion) {
        return new LevelCriterion() {
            @Override
            public String name() {
                return criterion.name();
            }

            @Override
            public boolean holds(MeasuredLevel level) {
                return criterion.holds(level);
            }
        };
    }

    static List<LevelCriterion> thresholds(double speed) {
        return List.of(new SpeedThresholdCriterion(speed), new KvCacheThresholdCriterion(0.95));
    }

    static List<LevelCriterion> bisection(List<LevelCriterion> criteria) {
        return criteria.stream().map(AdaptiveSweepCurvesTest::withoutMargin).toList();
    }

    /** Runs both searches and checks they find the same crossings; returns {adaptive, bisection}. */
    static Run[] compare(
            String curve,
            List<LevelCriterion> criteria,
            int largest,
            IntToDoubleFunction speed,
            IntToDoubleFunction kv) {
        Run adaptive = search(criteria, largest, List.of(10), speed, kv);
        Run bisect = search(bisection(criteria), largest, List.of(10), speed, kv);
        assertEquals(bisect.crossings(), adaptive.crossings(), curve + ": " + adaptive + " against " + bisect);
        return new Run[] {adaptive, bisect};
    }

    @Test
    void theMeasuredPairsTakeAtMostSixAndFourLevels() {
        Run[] small = compare("(32, 16)", thresholds(SPEED_THRESHOLD), 38, SPEED_32, kv(0.00016));
        assertEquals(22, small[0].crossings().get(0).lastHeld(), small[0].toString());
        assertEquals(23, small[0].crossings().get(0).firstFailed().getAsInt());
        assertTrue(small[0].levels().size() <= 6, small[0].toString());
        assertEquals(List.of(1, 10, 20, 23, 38, 22), small[0].levels(), small[0].toString());
        assertEquals(
                "extrapolate speed_threshold from 1 and 10 (crossing near 20.9)",
                small[0].reasons().get(2));
        assertEquals(
                "interpolate speed_threshold between 20 and 23 (crossing near 22.6)",
                small[0].reasons().get(5),
                small[0].toString());
        assertTrue(
                small[0].reasons().contains("extrapolate kv_cache_threshold: crossing beyond 38"), small[0].toString());
        // The plain bisection took 8 levels on the same curve (1, 10, 20, 38, 29, 24, 22, 23).
        assertEquals(List.of(1, 10, 20, 38, 29, 24, 22, 23), small[1].levels());

        Run[] large = compare("(1024, 16)", thresholds(SPEED_THRESHOLD), 38, SPEED_1024, kv(0.0035));
        assertEquals(1, large[0].crossings().get(0).lastHeld());
        assertEquals(2, large[0].crossings().get(0).firstFailed().getAsInt());
        assertTrue(large[0].levels().size() <= 4, large[0].toString());
        assertEquals(List.of(1, 10, 38, 2), large[0].levels());
        assertTrue(large[0].reasons().get(2).startsWith("extrapolate kv_cache_threshold"), large[0].toString());
        assertEquals(
                "interpolate speed_threshold between 1 and 10 (crossing near 1.7)",
                large[0].reasons().get(3),
                large[0].toString());
        assertEquals(List.of(1, 10, 20, 38, 5, 3, 2), large[1].levels());

        Run[] grid = compare("(32, 16) grid", thresholds(SPEED_THRESHOLD), 38, SPEED_32_GRID, kv(0.00016));
        assertTrue(grid[0].levels().size() <= 6, grid[0].toString());
    }

    @Test
    void smoothCurvesFindTheSameCrossingsInNoMoreLevelsThanBisection() {
        List<IntToDoubleFunction> speeds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        // Linear, falling from 80 to 8 t/s over 64 levels, and time per token linear (the simulator's shape).
        speeds.add(n -> 80 - 72.0 * (n - 1) / 63);
        names.add("linear speed");
        speeds.add(n -> 1 / (1 / 70.0 + n * 0.0006));
        names.add("linear time per token");
        // Concave: speed falling fast first, as with long prompts.
        speeds.add(n -> 90 / Math.sqrt(n));
        names.add("1/sqrt");
        speeds.add(n -> 100 * Math.exp(-n / 20.0));
        names.add("exponential");
        int checked = 0;
        for (int c = 0; c < speeds.size(); c++) {
            // Every threshold the curve crosses between 2 and 63, and one it never crosses.
            for (double threshold = 5; threshold <= 95; threshold += 2.5) {
                Run[] runs = compare(
                        names.get(c) + " at " + threshold, thresholds(threshold), 64, speeds.get(c), kv(0.0005));
                assertTrue(
                        runs[0].levels().size() <= runs[1].levels().size(),
                        names.get(c) + " at " + threshold + ": " + runs[0] + " against " + runs[1]);
                checked++;
            }
        }
        assertTrue(checked > 100);
    }

    @Test
    void bothThresholdsCrossingAreFoundWithTheKvCacheExtrapolated() {
        // KV usage growing linearly to full at 50; speed crossing 30 t/s at about 27.
        IntToDoubleFunction speed = n -> 1 / (1 / 70.0 + n * 0.0007);
        Run[] runs = compare("kv and speed", thresholds(30), 64, speed, n -> n / 50.0);
        assertEquals(47, runs[0].crossings().get(1).lastHeld(), runs[0].toString());
        assertTrue(runs[0].levels().size() <= runs[1].levels().size(), runs[0] + " against " + runs[1]);
    }

    @Test
    void aStepANoisyCurveAndAFlatMarginKeepBisectionsAnswers() {
        // A step: 60 t/s up to 17, then 20: the margin says nothing about where inside the bracket.
        Run[] step = compare("step", thresholds(SPEED_THRESHOLD), 64, n -> n <= 17 ? 60 : 20, kv(0.001));
        assertEquals(17, step[0].crossings().get(0).lastHeld());
        assertTrue(step[0].levels().size() <= step[1].levels().size() + 2, step[0] + " against " + step[1]);

        // Noisy: +-3 % on the simulator's shape, the holds staying monotone around each threshold tried.
        for (int seed = 1; seed <= 20; seed++) {
            int s = seed;
            IntToDoubleFunction noisy =
                    n -> 1 / (1 / 65.0 + n * 0.00045) * (1 + 0.03 * Math.sin(n * 12.9898 + s * 78.233));
            for (double threshold = 25; threshold <= 60; threshold += 5) {
                double t = threshold;
                boolean monotone = IntStream.range(1, 64)
                        .noneMatch(n -> noisy.applyAsDouble(n) < t && noisy.applyAsDouble(n + 1) >= t);
                if (!monotone) {
                    continue;
                }
                Run[] runs = compare("noisy " + seed + " at " + t, thresholds(t), 64, noisy, kv(0.001));
                assertTrue(
                        runs[0].levels().size() <= runs[1].levels().size() + 2,
                        "noisy " + seed + " at " + t + ": " + runs[0] + " against " + runs[1]);
            }
        }

        // A flat margin never crossed goes straight to the largest level once it is seen not to fall.
        Run flat = compare("flat", thresholds(SPEED_THRESHOLD), 64, n -> 50, n -> 0.1)[0];
        assertEquals(List.of(1, 10, 64), flat.levels(), flat.toString());
        assertTrue(flat.reasons().get(2).endsWith("the margin does not fall, so the largest level"), flat.toString());
    }

    @Test
    void aCriterionWithoutMarginIsSearchedAsBeforeAlongsideOnesWithMargins() {
        // The KV cache without metrics has no margin: it holds everywhere and doubles up to the largest level.
        Run run = compare("no kv metrics", thresholds(SPEED_THRESHOLD), 38, SPEED_32, n -> -1)[0];
        assertEquals(22, run.crossings().get(0).lastHeld());
        assertTrue(run.levels().contains(38), run.toString());
        // A criterion with no margin at all gives exactly bracketing and bisection.
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
        Run only = search(List.of(upToFive), 38, List.of(10), SPEED_32, kv(0.001));
        assertEquals(List.of(1, 10, 5, 7, 6), only.levels(), only.toString());
        assertEquals(
                "bisect ttft_p90 between 1 and 10 (no margin)", only.reasons().get(2));
    }

    /** A criterion that holds up to {@code last} and whose margin is whatever {@code margin} says. */
    static LevelCriterion lying(int last, IntToDoubleFunction margin) {
        return new LevelCriterion() {
            @Override
            public String name() {
                return "liar";
            }

            @Override
            public boolean holds(MeasuredLevel level) {
                return level.parallelRequests() <= last;
            }

            @Override
            public OptionalDouble margin(MeasuredLevel level) {
                return OptionalDouble.of(margin.applyAsDouble(level.parallelRequests()));
            }
        };
    }

    @Test
    void adversarialMarginsCostABoundedNumberOfLevelsAndNeverTheAnswer() {
        int largest = 64;
        int worst = 0;
        int worstBisection = 0;
        for (int last = 1; last < largest; last++) {
            int t = last;
            List<IntToDoubleFunction> margins = List.of(
                    // Says the crossing is just above the last level that held, every time.
                    n -> n <= t ? 1e-6 : -1e6,
                    // Says it is just below the first failure, every time.
                    n -> n <= t ? 1e6 : -1e-6,
                    // Signs disagreeing with the answers.
                    n -> -n,
                    n -> n,
                    // A margin crossing far from where the criterion does.
                    n -> 30.5 - n,
                    n -> 3.5 - n);
            for (IntToDoubleFunction margin : margins) {
                Run adaptive = search(List.of(lying(t, margin)), largest, List.of(10), SPEED_32, kv(0.001));
                Run bisect = search(
                        List.of(lying(t, n -> 0)).stream()
                                .map(AdaptiveSweepCurvesTest::withoutMargin)
                                .toList(),
                        largest,
                        List.of(10),
                        SPEED_32,
                        kv(0.001));
                assertEquals(bisect.crossings(), adaptive.crossings(), adaptive + " against " + bisect);
                assertEquals(t, adaptive.crossings().get(0).lastHeld());
                worst = Math.max(worst, adaptive.levels().size());
                worstBisection = Math.max(worstBisection, bisect.levels().size());
            }
        }
        // Bisection needs at most 10 levels here (1, 10, 20, 40, 64, then up to 5 halvings of 40..64); the safeguard
        // keeps
        // the interpolation within twice that.
        assertTrue(worstBisection <= 10, "bisection: " + worstBisection);
        assertTrue(worst <= 16, "worst " + worst);
        assertTrue(worst <= 2 * worstBisection, "worst " + worst + " against bisection's " + worstBisection);
    }
}
