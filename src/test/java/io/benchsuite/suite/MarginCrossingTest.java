package io.benchsuite.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The margin estimates on margins whose crossings are known by hand. */
class MarginCrossingTest {

    @Test
    void extrapolationFollowsTheLineThroughTheTwoHighestLevels() {
        // 30 at 2, 20 at 4: 5 per level, 0 at 8.
        assertEquals(8.0, MarginCrossing.extrapolated(2, 30, 4, 20), 1e-12);
        // A margin that does not fall gives no crossing above.
        assertTrue(MarginCrossing.extrapolated(2, 20, 4, 30) < 4);
    }

    @Test
    void theChordCrossesBetweenTheBracketsEnds() {
        // 10 at 4, -30 at 8: a quarter of the way.
        assertEquals(5.0, MarginCrossing.chord(4, 10, 8, -30), 1e-12);
        // Weighting the upper end by 1/2 pulls the crossing towards it: 10 / (10 + 15) of 4 above 4.
        assertEquals(5.6, MarginCrossing.chord(4, 10, 8, -15), 1e-12);
    }

    @Test
    void theNeighboursLineIsClampedToTheBracketAndTheNearerToTheChordWins() {
        // Bracket 4..8 with 10 and -30 (chord 5). Below: 40 at 2, 10 at 4 -> 0 at 4 + 10 * 2 / 30 = 4.67.
        MarginCrossing.Point below = new MarginCrossing.Point(2, 40);
        assertEquals(
                4 + 2.0 / 3, MarginCrossing.outside(4, 10, 8, -30, below, null).getAsDouble(), 1e-12);
        // Above: -30 at 8, -40 at 16 -> 0 at 8 - 30 * 8 / 10 = -16, clamped to 4; farther from 5 than 4.67.
        MarginCrossing.Point above = new MarginCrossing.Point(16, -40);
        assertEquals(4.0, MarginCrossing.outside(4, 10, 8, -30, null, above).getAsDouble(), 1e-12);
        assertEquals(
                4 + 2.0 / 3, MarginCrossing.outside(4, 10, 8, -30, below, above).getAsDouble(), 1e-12);
        // A neighbour whose margin does not fall towards the bracket says nothing.
        assertEquals(
                OptionalDouble.empty(),
                MarginCrossing.outside(
                        4, 10, 8, -30, new MarginCrossing.Point(2, 5), new MarginCrossing.Point(16, -20)));
    }

    @Test
    void insideAveragesTheChordWithTheNeighboursEstimate() {
        assertEquals(5.0, MarginCrossing.inside(4, 10, 8, -30, OptionalDouble.empty()), 1e-12);
        assertEquals(4.5, MarginCrossing.inside(4, 10, 8, -30, OptionalDouble.of(4.0)), 1e-12);
    }
}
