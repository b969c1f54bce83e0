package io.benchsuite.suite;

import java.util.OptionalDouble;

/**
 * Where a criterion's margin crosses 0, estimated from margins measured at whole levels: the adaptive sweep's
 * margin estimates, apart from its search. A margin is the criterion's distance to failing at a level, in the
 * criterion's own unit (tokens/s, a 0-1 fraction, seconds), positive while the criterion holds and falling as
 * the load rises (see {@code LevelCriterion#margin}); levels are numbers of parallel requests. Every estimate is
 * the zero of a straight line through two measured (level, margin) points, so it is a level as a real number:
 * rounding it to a whole level, and clamping it to what may run, is the search's choice ({@link AdaptiveSweep}).
 *
 * <p>Pure: arithmetic only. The formulas are written as the search first used them, so the levels it picks do
 * not move by a rounding.
 */
final class MarginCrossing {

    private MarginCrossing() {}

    /**
     * Extrapolation beyond the highest level measured: where the line through the margins {@code m1} at
     * {@code h1} and {@code m2} at {@code h2} crosses 0, {@code h2 + m2 (h2 - h1) / (m1 - m2)}. Also the crossing
     * of the line through a bracket's end and a neighbour below it.
     *
     * @param h1 the lower level, below {@code h2}
     * @param h2 the higher level
     * @return beyond {@code h2} when the margin falls ({@code m1 > m2}) and is positive at {@code h2}; not finite
     *     when {@code m1 == m2}
     */
    static double extrapolated(int h1, double m1, int h2, double m2) {
        return h2 + m2 * (h2 - h1) / (m1 - m2);
    }

    /**
     * The regula falsi's chord: where the line through the margins {@code marginL} at {@code lastHeld} and
     * {@code marginF} at {@code firstFailed} crosses 0, {@code L + (F - L) mL / (mL - mF)}. The margins may come
     * weighted (the Illinois rule), which pulls the crossing towards the end whose margin is weighted down.
     *
     * @return between {@code lastHeld} and {@code firstFailed} when {@code marginL > 0 >= marginF}
     */
    static double chord(int lastHeld, double marginL, int firstFailed, double marginF) {
        return lastHeld + (firstFailed - lastHeld) * marginL / (marginL - marginF);
    }

    /**
     * A measured margin at a level.
     *
     * @param level  parallel requests
     * @param margin the criterion's margin there
     */
    record Point(int level, double margin) {}

    /**
     * The crossing of the line through a bracket's end and its next level measured outside it (the level just
     * below {@code lastHeld}, the level just above {@code firstFailed}), clamped to the bracket; the nearer to the
     * bracket's chord of the two when both give one; empty when neither has a margin falling towards the
     * bracket. On a margin curved one way, the chord's crossing and this one lie on either side of the true
     * crossing (a concave margin lies above its chords between their ends and below them outside), so their mean
     * is the better estimate.
     *
     * @param marginL the (unweighted) margin at {@code lastHeld}
     * @param marginF the (unweighted) margin at {@code firstFailed}, below {@code marginL}
     * @param below   the level measured just below {@code lastHeld}, null when none or without a margin
     * @param above   the level measured just above {@code firstFailed}, null when none or without a margin
     */
    static OptionalDouble outside(
            int lastHeld, double marginL, int firstFailed, double marginF, Point below, Point above) {
        double chord = chord(lastHeld, marginL, firstFailed, marginF);
        OptionalDouble best = OptionalDouble.empty();
        if (below != null && below.margin() > marginL) {
            best = OptionalDouble.of(extrapolated(below.level(), below.margin(), lastHeld, marginL));
        }
        if (above != null && marginF > above.margin()) {
            double c = firstFailed + marginF * (above.level() - firstFailed) / (marginF - above.margin());
            if (best.isEmpty() || Math.abs(c - chord) < Math.abs(best.getAsDouble() - chord)) {
                best = OptionalDouble.of(c);
            }
        }
        if (best.isEmpty()) {
            return best;
        }
        return OptionalDouble.of(Math.max(lastHeld, Math.min(firstFailed, best.getAsDouble())));
    }

    /**
     * The estimate of the crossing inside a bracket: the chord's crossing on the (possibly weighted) margins,
     * averaged with {@link #outside} when that gives one.
     *
     * @param weightedL the margin at {@code lastHeld} times its Illinois weight (1 when not kept)
     * @param weightedF the margin at {@code firstFailed} times its Illinois weight
     * @param outside   {@link #outside}'s estimate, on the unweighted margins
     */
    static double inside(int lastHeld, double weightedL, int firstFailed, double weightedF, OptionalDouble outside) {
        double chord = chord(lastHeld, weightedL, firstFailed, weightedF);
        return outside.isPresent() ? (chord + outside.getAsDouble()) / 2 : chord;
    }
}
