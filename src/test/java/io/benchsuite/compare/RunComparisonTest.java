package io.benchsuite.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchsuite.compare.RunComparison.Verdict;
import io.benchsuite.compare.RunFigures.LevelFigures;
import io.benchsuite.compare.RunFigures.PairFigures;
import io.benchsuite.config.UsageException;
import io.benchsuite.report.model.Pair;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RunComparisonTest {

    private static final Pair PAIR = new Pair(32, 16);

    /** A run with one pair: thresholds, SLO capacity, and (speed, TTFT ms) at levels 1 and 4. */
    private static RunFigures run(String label, int speedThreshold, int slo, double speedAt4, double ttftAt4) {
        Map<Integer, LevelFigures> levels = Map.of(
                1, new LevelFigures(OptionalDouble.of(100), OptionalDouble.of(50)),
                4, new LevelFigures(OptionalDouble.of(speedAt4), OptionalDouble.of(ttftAt4)));
        return new RunFigures(
                label,
                new TreeMap<>(Map.of(
                        PAIR,
                        new PairFigures(
                                PAIR,
                                speedThreshold,
                                OptionalInt.empty(),
                                OptionalInt.of(slo),
                                new TreeMap<>(levels)))));
    }

    @Test
    void theSameFiguresAreNotWorse() {
        RunComparison same = RunComparison.of(run("a", 4, 4, 80, 60), run("b", 4, 4, 80, 60), 0.05);
        assertFalse(same.worse());
        // speed threshold, SLO capacity, then speed and TTFT at each of the two levels; no KV row without KV.
        assertEquals(6, same.rows().size());
        assertTrue(same.rows().stream().allMatch(r -> r.verdict() == Verdict.SAME));
    }

    @Test
    void changesWithinTheToleranceAreNotWorse() {
        // 4 % slower and 4.9 % later first tokens, with a 5 % tolerance.
        assertFalse(RunComparison.of(run("a", 4, 4, 80, 60), run("b", 4, 4, 76.8, 62.9), 0.05)
                .worse());
    }

    @Test
    void aSlowerSpeedOrLaterTtftBeyondTheToleranceIsWorse() {
        RunComparison slower = RunComparison.of(run("a", 4, 4, 80, 60), run("b", 4, 4, 75, 60), 0.05);
        assertTrue(slower.worse());
        assertEquals("median speed at N=4 (tokens/s)", slower.worseRows().get(0).figure());
        assertEquals("-6.3 %", slower.worseRows().get(0).change());
        RunComparison later = RunComparison.of(run("a", 4, 4, 80, 60), run("b", 4, 4, 80, 64), 0.05);
        assertEquals(
                List.of("median TTFT at N=4 (ms)"),
                later.worseRows().stream().map(RunComparison.Row::figure).toList());
        assertFalse(RunComparison.of(run("a", 4, 4, 80, 60), run("b", 4, 4, 75, 64), 0.10)
                .worse());
    }

    @Test
    void anyLowerThresholdOrCapacityIsWorseAndHigherIsBetter() {
        RunComparison threshold = RunComparison.of(run("a", 4, 4, 80, 60), run("b", 2, 4, 80, 60), 0.05);
        assertEquals("speed threshold (largest N)", threshold.worseRows().get(0).figure());
        assertEquals("-2", threshold.worseRows().get(0).change());
        RunComparison capacity = RunComparison.of(run("a", 4, 4, 80, 60), run("b", 4, 1, 80, 60), 0.5);
        assertEquals("SLO capacity (largest N)", capacity.worseRows().get(0).figure());
        RunComparison better = RunComparison.of(run("a", 2, 1, 60, 80), run("b", 4, 4, 80, 60), 0.05);
        assertFalse(better.worse());
        assertTrue(better.rows().stream().anyMatch(r -> r.verdict() == Verdict.BETTER));
    }

    @Test
    void runsWithoutACommonPairCannotBeCompared() {
        RunFigures other = new RunFigures("c", new TreeMap<>());
        assertThrows(IllegalArgumentException.class, () -> RunComparison.of(run("a", 4, 4, 80, 60), other, 0.05));
    }

    @Test
    void theToleranceIsAPercentage() {
        assertEquals(0.05, RunComparison.tolerance("5%"), 1e-12);
        assertEquals(0.125, RunComparison.tolerance("12.5"), 1e-12);
        assertEquals(0, RunComparison.tolerance("0 %"), 1e-12);
        for (String bad : List.of("five", "-1%", "100%")) {
            UsageException e = assertThrows(UsageException.class, () -> RunComparison.tolerance(bad));
            assertTrue(e.getMessage().contains("--tolerance 5%"), e.getMessage());
        }
    }

    @Test
    void theMarkdownTableSaysWhereBIsWorse() {
        RunFigures a = run("a", 4, 4, 80, 60);
        RunFigures b = run("b", 2, 4, 80, 60);
        String text = ComparisonTable.markdown(a, b, RunComparison.of(a, b, 0.05));
        assertTrue(text.startsWith("B (b) is worse than A (a) in 1 figure (tolerance 5 %)"), text);
        assertTrue(text.contains("| 32 | 16 | speed threshold (largest N) | 4 | 2 | -2 | **worse** |"), text);
    }
}
