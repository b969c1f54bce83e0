package io.benchsuite.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.results.BenchmarkKind;
import io.benchsuite.schedule.QueryProfile;
import io.benchsuite.schedule.StopRule;
import io.benchsuite.stats.SweepLevel;
import io.benchsuite.time.FakeClock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The per-pair rules on a fake clock: context, saturation and time budget, without a server or sleeping. */
class PairDecisionsTest {

    private static final long SECOND = 1_000_000_000L;

    private final FakeClock clock = new FakeClock(77 * SECOND);

    private static PlannedBenchmark level(int input, int output, int level) {
        return new PlannedBenchmark(
                BenchmarkKind.GENERATION_SPEED,
                "speed_" + input + "_" + output + "_" + level + ".json",
                spec(output),
                input,
                output,
                level);
    }

    private static PlannedBenchmark ingestion() {
        return new PlannedBenchmark(BenchmarkKind.PROMPT_INGESTION, "prompt_ingestion.json", spec(16), 0, 16, 0);
    }

    private static PlannedBenchmark kvProfile(int input, int output) {
        return new PlannedBenchmark(
                BenchmarkKind.KV_CACHE_PROFILE, "kv_" + input + "_" + output + ".json", spec(output), input, output, 0);
    }

    private static BenchmarkSpec spec(int output) {
        return new BenchmarkSpec(
                QueryProfile.CONSTANT_NUMBER_OF_QUERIES,
                1000,
                output,
                1,
                0,
                StopRule.maxDurationOnly(30),
                false,
                false);
    }

    private PairDecisions decisions(OptionalInt context, boolean stopOnSaturation, double budgetSeconds) {
        return new PairDecisions(context, stopOnSaturation, 0.9, 20, budgetSeconds, clock);
    }

    private static SweepLevel saturated(int parallel) {
        return new SweepLevel(parallel, OptionalDouble.of(5), 0.95);
    }

    private static SweepLevel healthy(int parallel) {
        return new SweepLevel(parallel, OptionalDouble.of(50), 0.95);
    }

    @Test
    void aPairBeyondTheContextIsSkippedWithOneNoteButPromptIngestionRuns() {
        PairDecisions pairs = decisions(OptionalInt.of(4096), true, 900);

        PairDecisions.Decision first = pairs.before(kvProfile(4000, 200));
        assertFalse(first.run());
        assertEquals(
                Optional.of("pair input 4000, output 200 skipped: 4000 + 200 tokens do not fit the server's"
                        + " context of 4096 tokens"),
                first.note());
        assertEquals(PairDecisions.Decision.SKIP_QUIETLY, pairs.before(level(4000, 200, 1)), "noted once");
        assertTrue(pairs.before(level(3896, 200, 1)).run(), "right at the limit runs");
        assertTrue(pairs.before(ingestion()).run());
        assertTrue(
                decisions(OptionalInt.empty(), true, 900)
                        .before(level(100_000, 200, 1))
                        .run(),
                "a server that gave no context length is not second-guessed");
        assertEquals(Map.of(), pairs.sweepStops(), "a skipped pair is not a stopped sweep");
    }

    @Test
    void twoSaturatedLevelsInARowStopTheSweepOnceAndForAll() {
        PairDecisions pairs = decisions(OptionalInt.empty(), true, 900);
        PlannedBenchmark one = level(1000, 100, 1);
        assertTrue(pairs.before(one).run());
        pairs.started(one);
        pairs.levelMeasured(one, saturated(1));
        pairs.levelMeasured(level(1000, 100, 2), healthy(2));
        assertTrue(pairs.before(level(1000, 100, 4)).run(), "one saturated level, then a healthy one");
        pairs.levelMeasured(level(1000, 100, 4), saturated(4));
        assertTrue(pairs.before(level(1000, 100, 8)).run());
        pairs.levelMeasured(level(1000, 100, 8), saturated(8));

        PairDecisions.Decision stop = pairs.before(level(1000, 100, 16));
        assertFalse(stop.run());
        String reason = "levels 4 and 8 were saturated (KV cache >= 0.9, median speed < 20.0 t/s)";
        assertEquals(Optional.of("sweep for input 1000, output 100 stopped: " + reason), stop.note());
        assertEquals(PairDecisions.Decision.SKIP_QUIETLY, pairs.before(level(1000, 100, 32)));
        assertEquals(Map.of("input 1000, output 100", reason), pairs.sweepStops());
        assertTrue(pairs.before(level(2000, 100, 1)).run(), "other pairs go on");
    }

    @Test
    void saturationIsIgnoredWhenTurnedOff() {
        PairDecisions pairs = decisions(OptionalInt.empty(), false, 900);
        pairs.levelMeasured(level(1000, 100, 1), saturated(1));
        pairs.levelMeasured(level(1000, 100, 2), saturated(2));
        assertTrue(pairs.before(level(1000, 100, 4)).run());
    }

    @Test
    void theTimeBudgetCountsFromThePairsFirstLevelAndStopsNewLevelsOnceSpent() {
        PairDecisions pairs = decisions(OptionalInt.empty(), true, 60);
        clock.advance(500 * SECOND); // time before the pair's first level (other benchmarks) does not count
        PlannedBenchmark one = level(1000, 100, 1);
        assertTrue(pairs.before(one).run());
        pairs.started(one);
        clock.advance(30 * SECOND);
        PlannedBenchmark two = level(1000, 100, 2);
        assertTrue(pairs.before(two).run());
        pairs.started(two); // does not restart the budget
        clock.advance(30 * SECOND);
        assertTrue(pairs.before(level(1000, 100, 4)).run(), "exactly 60 s: not more than the budget");
        clock.advance(1);

        PairDecisions.Decision stop = pairs.before(level(1000, 100, 8));
        assertFalse(stop.run());
        assertEquals(
                Optional.of("sweep for input 1000, output 100 stopped: its time budget"
                        + " (max-duration-speed-generation = 60.0 s) was spent"),
                stop.note());
        assertTrue(pairs.before(level(2000, 100, 1)).run(), "a new pair has its own budget");
    }

    @Test
    void levelsFoundOnDiskFromAnEarlierRunCountForSaturationButNotForTime() {
        PairDecisions pairs = decisions(OptionalInt.empty(), true, 60);
        // Resumed: levels 1 and 2 are already done, so the budget starts with the first level run now.
        pairs.levelMeasured(level(1000, 100, 1), healthy(1));
        pairs.levelMeasured(level(1000, 100, 2), saturated(2));
        clock.advance(3600 * SECOND);
        assertTrue(pairs.before(level(1000, 100, 4)).run());
        List.of(4, 8).forEach(n -> pairs.levelMeasured(level(1000, 100, n), saturated(n)));
        assertFalse(pairs.before(level(1000, 100, 16)).run());
    }
}
