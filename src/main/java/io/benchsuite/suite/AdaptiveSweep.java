package io.benchsuite.suite;

import io.benchsuite.stats.LevelCriterion;
import io.benchsuite.stats.MeasuredLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The adaptive sweep's choice of levels for one (input, output) pair, with no clock and no I/O: given the
 * levels measured so far, the next number of parallel requests to run and why, or that the search is done.
 *
 * <p>Each {@link LevelCriterion} is expected to hold at low load and to stop holding above some level; the
 * search looks for that level, for every criterion of the list, over the whole numbers from 1 to
 * {@code largestLevel}, by a safeguarded regula falsi: whether a level holds comes from
 * {@link LevelCriterion#holds} alone, and the criterion's {@link LevelCriterion#margin} (when it has one) only
 * proposes where to look next. The steps, in this order:
 * <ol>
 * <li>level 1 (where every criterion should hold);</li>
 * <li>the required levels (the model card's headline level) that lie between 1 and the largest level;</li>
 * <li>bracketing, while some criterion has held at every level measured and the largest level has not run:
 *     each such criterion proposes a level and the lowest proposal runs. A criterion with margins at the two
 *     highest levels h1 &lt; h2, positive at h2, extrapolates them along their line to the crossing c (margin 0)
 *     and proposes the predicted last holding level max(h2 + 1, &lfloor;c&rfloor;), or the largest level when
 *     that is at or beyond it or when the margin did not fall from h1 to h2. A criterion without margins, or
 *     with a margin not positive at h2 (disagreeing with its holding), proposes 2 &middot; h2 (doubling, capped
 *     at the largest level), and so does every criterion when h2 is below twice the third highest level h0 (the
 *     extrapolations keep predicting a crossing just above: doubling stops them creeping up);</li>
 * <li>inside a bracket, for each criterion in list order while its first failing level F (walking up from 1)
 *     is more than one above the last level L that held before it: the level just below the estimated
 *     crossing c, &lfloor;c&rfloor; clamped to L + 1 .. F - 1. c is the chord's crossing between the margins
 *     at L and F (regula falsi), averaged, when a measured neighbour outside the bracket gives one, with the
 *     crossing of the line through an end and that neighbour: on a margin curved one way the two lie on either
 *     side of the true crossing. Against the regula falsi's stagnation, an end kept k &ge; 2 times in a row
 *     weighs 1 / 2<sup>k - 1</sup> in the chord (the Illinois rule), and the middle &lfloor;(L + F) / 2&rfloor;
 *     runs instead (bisection) when the bracket's last two changes did not at least halve its width, when a
 *     margin is missing, or when the margin at L is not above the one at F;</li>
 * <li>at least {@link #MIN_LEVELS} levels for the graphs, when that many exist.</li>
 * </ol>
 * A criterion that fails at level 1 is done ("below the lowest level"), and so is one that holds up to the
 * largest level ("not reached"); both end the search cleanly. A level measured above a criterion's first
 * failure does not move it: the boundary is the first crossing, as {@code LevelThreshold.lastBeforeFirstFailure}.
 * Levels are all measured once, so each step asks for a level not yet measured.
 *
 * <p>The safeguard looks at the bracket's history, so the search replays itself: {@link #next} starts from no
 * level, and takes each level it would ask for from the levels given while they have it. The answer therefore
 * depends on the levels measured, not on their order (a resumed run asks for the same levels again), and a level
 * given that the search would never have asked for is ignored.
 *
 * <p>The crossings themselves (extrapolation, chord, neighbour's line) are {@link MarginCrossing}'s; this class
 * decides which whole level runs and why.
 */
public final class AdaptiveSweep {

    /** The fewest levels a pair's sweep runs, when the range has that many: a speed graph needs a curve. */
    public static final int MIN_LEVELS = 3;

    private final List<LevelCriterion> criteria;
    private final int largestLevel;
    private final List<Integer> requiredLevels;

    /**
     * @param criteria       the criteria to find the crossing of, at least one
     * @param largestLevel   the largest level the search may run (the largest parallel-requests level), >= 1
     * @param requiredLevels levels run whatever the criteria say (those outside 1..largestLevel are ignored)
     */
    public AdaptiveSweep(List<LevelCriterion> criteria, int largestLevel, List<Integer> requiredLevels) {
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("the adaptive sweep needs at least one criterion");
        }
        if (largestLevel < 1) {
            throw new IllegalArgumentException("the largest level must be at least 1: " + largestLevel);
        }
        this.criteria = List.copyOf(criteria);
        this.largestLevel = largestLevel;
        this.requiredLevels = requiredLevels.stream()
                .filter(l -> l >= 1 && l <= largestLevel)
                .sorted()
                .distinct()
                .toList();
    }

    /**
     * The next step.
     *
     * @param level  the next level to run, empty when the search is done
     * @param reason why this level (e.g. "interpolate speed_threshold between 1 and 10 (crossing near 2.6)",
     *               "bisect speed_threshold between 8 and 16 (no margin)"), or,
     *               when done, what was found per criterion
     */
    public record Step(OptionalInt level, String reason) {

        public boolean done() {
            return level.isEmpty();
        }

        static Step run(int level, String reason) {
            return new Step(OptionalInt.of(level), reason);
        }
    }

    /**
     * Where a criterion stands on the levels measured.
     *
     * @param lastHeld    the last level that held below the first failure, 0 when it failed at the lowest level
     * @param firstFailed the first level that failed walking up, empty when none did
     */
    public record Crossing(String criterion, int lastHeld, OptionalInt firstFailed) {}

    /**
     * @param measured the levels measured so far for this pair, in any order; a level given twice counts once
     *                 (the last one given)
     */
    public Step next(List<MeasuredLevel> measured) {
        Map<Integer, Evaluated> given = new HashMap<>();
        for (MeasuredLevel level : measured) {
            given.put(level.parallelRequests(), evaluate(level));
        }
        // Replay: the search from no level, taking each level it asks for from those given while they have it.
        TreeMap<Integer, Evaluated> known = new TreeMap<>();
        List<Integer> history = new ArrayList<>();
        while (true) {
            Step step = propose(known, history);
            if (step.done()) {
                return step;
            }
            int level = step.level().getAsInt();
            Evaluated found = given.get(level);
            if (found == null || known.containsKey(level)) {
                return step;
            }
            known.put(level, found);
            history.add(level);
        }
    }

    /** Where each criterion stands on {@code measured} (all of it, in any order), in the criteria's order. */
    public List<Crossing> crossings(List<MeasuredLevel> measured) {
        TreeMap<Integer, Evaluated> byLevel = new TreeMap<>();
        for (MeasuredLevel level : measured) {
            byLevel.put(level.parallelRequests(), evaluate(level));
        }
        List<Crossing> out = new ArrayList<>();
        for (int i = 0; i < criteria.size(); i++) {
            out.add(crossing(i, byLevel));
        }
        return out;
    }

    /** One measured level as the search reads it: per criterion, whether it holds and its margin. */
    private record Evaluated(boolean[] holds, OptionalDouble[] margins) {}

    private Evaluated evaluate(MeasuredLevel level) {
        boolean[] holds = new boolean[criteria.size()];
        OptionalDouble[] margins = new OptionalDouble[criteria.size()];
        for (int i = 0; i < criteria.size(); i++) {
            holds[i] = criteria.get(i).holds(level);
            OptionalDouble margin = criteria.get(i).margin(level);
            margins[i] = margin.isPresent() && Double.isFinite(margin.getAsDouble()) ? margin : OptionalDouble.empty();
        }
        return new Evaluated(holds, margins);
    }

    private Crossing crossing(int criterion, TreeMap<Integer, Evaluated> byLevel) {
        int lastHeld = 0;
        OptionalInt firstFailed = OptionalInt.empty();
        for (Map.Entry<Integer, Evaluated> e : byLevel.entrySet()) {
            if (e.getValue().holds()[criterion]) {
                lastHeld = e.getKey();
            } else {
                firstFailed = OptionalInt.of(e.getKey());
                break;
            }
        }
        return new Crossing(criteria.get(criterion).name(), lastHeld, firstFailed);
    }

    /** The next level from the levels known so far ({@code history}: the same levels in the order they ran). */
    private Step propose(TreeMap<Integer, Evaluated> known, List<Integer> history) {
        if (!known.containsKey(1)) {
            return Step.run(1, "bracket: lowest level");
        }
        for (int required : requiredLevels) {
            if (!known.containsKey(required)) {
                return Step.run(required, "required: the model card's headline level");
            }
        }
        List<Crossing> crossings = new ArrayList<>();
        for (int i = 0; i < criteria.size(); i++) {
            crossings.add(crossing(i, known));
        }
        int highest = known.lastKey();
        if (highest < largestLevel) {
            Optional<Step> bracket = bracket(known, crossings);
            if (bracket.isPresent()) {
                return bracket.get();
            }
        }
        for (int i = 0; i < criteria.size(); i++) {
            Crossing c = crossings.get(i);
            if (c.firstFailed().isPresent()
                    && c.lastHeld() >= 1
                    && c.firstFailed().getAsInt() - c.lastHeld() > 1) {
                return inside(i, c.lastHeld(), c.firstFailed().getAsInt(), known, history);
            }
        }
        if (known.size() < MIN_LEVELS && known.size() < largestLevel) {
            return Step.run(fill(known), "at least " + MIN_LEVELS + " levels for the graphs");
        }
        return new Step(OptionalInt.empty(), "done: " + describe(crossings));
    }

    /**
     * A criterion's bracketing proposal: the level it would run next.
     */
    private sealed interface Proposal permits Doubling, Extrapolated {
        int level();
    }

    /** Doubling the highest level (capped at the largest): the step's reason names every criterion that doubled. */
    private record Doubling(int level) implements Proposal {}

    /** A level from the criterion's margins, with why. */
    private record Extrapolated(int level, String reason) implements Proposal {}

    /**
     * Bracketing: the lowest level proposed by the criteria that held at every level known (the first such
     * criterion on a tie), or empty when none did. The highest level known is below the largest level.
     */
    private Optional<Step> bracket(TreeMap<Integer, Evaluated> known, List<Crossing> crossings) {
        int h2 = known.lastKey();
        Integer h1 = known.lowerKey(h2);
        Integer h0 = h1 == null ? null : known.lowerKey(h1);
        // Against creeping up one level at a time on margins that keep predicting a crossing just above: when
        // the highest level did not at least double over the last two levels, every criterion doubles.
        boolean creeping = h0 != null && h2 < 2L * h0;
        int doubling = (int) Math.min(2L * h2, largestLevel);
        List<String> doubled = new ArrayList<>();
        Proposal best = null;
        for (int i = 0; i < criteria.size(); i++) {
            if (crossings.get(i).firstFailed().isPresent()) {
                continue;
            }
            String name = criteria.get(i).name();
            OptionalDouble m1 =
                    h1 == null ? OptionalDouble.empty() : known.get(h1).margins()[i];
            OptionalDouble m2 = known.get(h2).margins()[i];
            Proposal proposal;
            if (m1.isEmpty() || m2.isEmpty() || !(m2.getAsDouble() > 0) || creeping) {
                doubled.add(name);
                proposal = new Doubling(doubling);
            } else if (m2.getAsDouble() >= m1.getAsDouble()) {
                proposal = new Extrapolated(
                        largestLevel,
                        "extrapolate " + name + " from " + h1 + " and " + h2
                                + ": the margin does not fall, so the largest level");
            } else {
                double crossing = MarginCrossing.extrapolated(h1, m1.getAsDouble(), h2, m2.getAsDouble());
                if (crossing >= largestLevel) {
                    proposal =
                            new Extrapolated(largestLevel, "extrapolate " + name + ": crossing beyond " + largestLevel);
                } else {
                    int predicted = (int) Math.max(h2 + 1L, (long) Math.floor(crossing));
                    proposal = new Extrapolated(
                            predicted,
                            "extrapolate " + name + " from " + h1 + " and " + h2 + " (crossing near "
                                    + oneDecimal(crossing) + ")");
                }
            }
            if (best == null || proposal.level() < best.level()) {
                best = proposal;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String reason = best instanceof Extrapolated extrapolated
                ? extrapolated.reason()
                : "bracket: doubling (" + String.join(", ", doubled) + " held up to " + h2 + ")";
        return Optional.of(Step.run(best.level(), reason));
    }

    /**
     * Inside the bracket [lastHeld, firstFailed] of criterion {@code i} (at least one level between them): the
     * level just below the interpolated crossing, or the middle when the margins cannot say or the safeguard
     * asks for it.
     */
    private Step inside(
            int i, int lastHeld, int firstFailed, TreeMap<Integer, Evaluated> known, List<Integer> history) {
        String name = criteria.get(i).name();
        String between = name + " between " + lastHeld + " and " + firstFailed;
        int middle = (lastHeld + firstFailed) / 2;
        OptionalDouble mL = known.get(lastHeld).margins()[i];
        OptionalDouble mF = known.get(firstFailed).margins()[i];
        if (mL.isEmpty() || mF.isEmpty()) {
            return Step.run(middle, "bisect " + between + " (no margin)");
        }
        if (mL.getAsDouble() <= mF.getAsDouble()) {
            return Step.run(middle, "bisect " + between + " (the margin does not fall)");
        }
        List<int[]> brackets = brackets(i, known, history);
        int n = brackets.size();
        if (n >= 3 && 2L * width(brackets.get(n - 1)) > width(brackets.get(n - 3))) {
            return Step.run(middle, "bisect " + between + " (the bracket did not halve in two steps)");
        }
        // The Illinois rule: an end kept k >= 2 times in a row weighs 1 / 2^(k - 1), pulling the interpolated
        // crossing towards it, which on a curved margin the plain secant approaches one level at a time.
        int kept = 0;
        String moved = "";
        for (int k = n - 1; k >= 1; k--) {
            String end = movedEnd(brackets.get(k - 1), brackets.get(k));
            if (end.isEmpty() || (kept > 0 && !end.equals(moved))) {
                break;
            }
            moved = end;
            kept++;
        }
        double weightL = 1;
        double weightF = 1;
        String note = "";
        if (kept >= 2) {
            double weight = Math.pow(0.5, kept - 1);
            if (moved.equals("lower")) {
                weightF = weight;
                note = ", the upper end kept " + kept + " times";
            } else {
                weightL = weight;
                note = ", the lower end kept " + kept + " times";
            }
        }
        double crossing = MarginCrossing.inside(
                lastHeld,
                mL.getAsDouble() * weightL,
                firstFailed,
                mF.getAsDouble() * weightF,
                MarginCrossing.outside(
                        lastHeld,
                        mL.getAsDouble(),
                        firstFailed,
                        mF.getAsDouble(),
                        neighbour(i, known.lowerKey(lastHeld), known),
                        neighbour(i, known.higherKey(firstFailed), known)));
        long below = (long) Math.floor(crossing);
        int level = (int) Math.max(lastHeld + 1L, Math.min(firstFailed - 1L, below));
        return Step.run(level, "interpolate " + between + " (crossing near " + oneDecimal(crossing) + note + ")");
    }

    /** The margin of criterion {@code i} at a level known, for {@link MarginCrossing#outside}; null without. */
    private static MarginCrossing.Point neighbour(int i, Integer level, TreeMap<Integer, Evaluated> known) {
        if (level == null || known.get(level).margins()[i].isEmpty()) {
            return null;
        }
        return new MarginCrossing.Point(level, known.get(level).margins()[i].getAsDouble());
    }

    /**
     * The brackets [last held, first failed] of criterion {@code i} after each level of {@code history} that
     * changed it, from the first one formed (both ends measured, the first failure above level 1).
     */
    private List<int[]> brackets(int i, TreeMap<Integer, Evaluated> known, List<Integer> history) {
        TreeMap<Integer, Evaluated> prefix = new TreeMap<>();
        List<int[]> brackets = new ArrayList<>();
        for (int level : history) {
            prefix.put(level, known.get(level));
            Crossing c = crossing(i, prefix);
            if (c.firstFailed().isEmpty() || c.lastHeld() < 1) {
                continue;
            }
            int[] bracket = {c.lastHeld(), c.firstFailed().getAsInt()};
            if (brackets.isEmpty() || !Arrays.equals(brackets.get(brackets.size() - 1), bracket)) {
                brackets.add(bracket);
            }
        }
        return brackets;
    }

    private static int width(int[] bracket) {
        return bracket[1] - bracket[0];
    }

    /** "lower" or "upper" when only that end of the bracket changed, else empty. */
    private static String movedEnd(int[] from, int[] to) {
        if (from[0] != to[0] && from[1] == to[1]) {
            return "lower";
        }
        if (from[0] == to[0] && from[1] != to[1]) {
            return "upper";
        }
        return "";
    }

    private static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** A level not yet measured: doubling above the highest, else the middle of the widest gap. */
    private int fill(TreeMap<Integer, Evaluated> byLevel) {
        int highest = byLevel.lastKey();
        if (highest < largestLevel) {
            return (int) Math.min(2L * highest, largestLevel);
        }
        int bestLow = 0;
        int bestGap = 0;
        Integer previous = null;
        for (int level : byLevel.keySet()) {
            if (previous != null && level - previous > bestGap) {
                bestGap = level - previous;
                bestLow = previous;
            }
            previous = level;
        }
        return bestLow + bestGap / 2;
    }

    private String describe(List<Crossing> crossings) {
        List<String> parts = new ArrayList<>();
        for (Crossing c : crossings) {
            String text;
            if (c.firstFailed().isEmpty()) {
                text = (c.criterion() + " not reached up to " + c.lastHeld());
            } else if (c.lastHeld() == 0) {
                text = (c.criterion() + " below the lowest level");
            } else {
                text = (c.criterion() + " holds up to " + c.lastHeld() + ", fails at "
                        + c.firstFailed().getAsInt());
            }
            parts.add(text);
        }
        return String.join("; ", parts);
    }
}
