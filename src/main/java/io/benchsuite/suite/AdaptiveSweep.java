package io.benchsuite.suite;

import io.benchsuite.stats.LevelCriterion;
import io.benchsuite.stats.MeasuredLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The adaptive sweep's choice of levels for one (input, output) pair, with no clock and no I/O: given the
 * levels measured so far, the next number of parallel requests to run and why, or that the search is done.
 *
 * <p>Each {@link LevelCriterion} is expected to hold at low load and to stop holding above some level; the
 * search looks for that level, for every criterion of the list, over the whole numbers from 1 to
 * {@code largestLevel}, in this order:
 * <ol>
 * <li>level 1 (where every criterion should hold);</li>
 * <li>the required levels (the model card's headline level) that lie between 1 and the largest level;</li>
 * <li>bracketing: while some criterion has held at every level measured and the largest level has not run,
 *     the next level doubles the highest one measured (capped at the largest level);</li>
 * <li>bisection: for each criterion in list order, while its first failing level F (walking up from 1) is more
 *     than one above the last level L that held before it, the level (L + F) / 2;</li>
 * <li>at least {@link #MIN_LEVELS} levels for the graphs, when that many exist.</li>
 * </ol>
 * A criterion that fails at level 1 is done ("below the lowest level"), and so is one that holds up to the
 * largest level ("not reached"); both end the search cleanly. A level measured above a criterion's first
 * failure does not move it: the boundary is the first crossing, as {@code LevelThreshold.lastBeforeFirstFailure}.
 * Levels are all measured once, so each step asks for a level not yet measured.
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
     * @param reason why this level (e.g. "bracket: doubling", "bisect speed_threshold between 8 and 16"), or,
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
        TreeMap<Integer, MeasuredLevel> byLevel = new TreeMap<>();
        for (MeasuredLevel level : measured) {
            byLevel.put(level.parallelRequests(), level);
        }
        if (!byLevel.containsKey(1)) {
            return Step.run(1, "bracket: lowest level");
        }
        for (int required : requiredLevels) {
            if (!byLevel.containsKey(required)) {
                return Step.run(required, "required: the model card's headline level");
            }
        }
        List<Crossing> crossings = crossings(byLevel);
        int highest = byLevel.lastKey();
        List<String> holding = crossings.stream()
                .filter(c -> c.firstFailed().isEmpty())
                .map(Crossing::criterion)
                .toList();
        if (!holding.isEmpty() && highest < largestLevel) {
            return Step.run(
                    (int) Math.min(2L * highest, largestLevel),
                    "bracket: doubling (" + String.join(", ", holding) + " held up to " + highest + ")");
        }
        for (Crossing c : crossings) {
            if (c.firstFailed().isPresent()
                    && c.lastHeld() >= 1
                    && c.firstFailed().getAsInt() - c.lastHeld() > 1) {
                int mid = (c.lastHeld() + c.firstFailed().getAsInt()) / 2;
                return Step.run(
                        mid,
                        "bisect " + c.criterion() + " between " + c.lastHeld() + " and "
                                + c.firstFailed().getAsInt());
            }
        }
        if (byLevel.size() < MIN_LEVELS && byLevel.size() < largestLevel) {
            return Step.run(fill(byLevel), "at least " + MIN_LEVELS + " levels for the graphs");
        }
        return new Step(OptionalInt.empty(), "done: " + describe(crossings));
    }

    /** Where each criterion stands on {@code measured}, in the criteria's order. */
    public List<Crossing> crossings(List<MeasuredLevel> measured) {
        TreeMap<Integer, MeasuredLevel> byLevel = new TreeMap<>();
        for (MeasuredLevel level : measured) {
            byLevel.put(level.parallelRequests(), level);
        }
        return crossings(byLevel);
    }

    private List<Crossing> crossings(TreeMap<Integer, MeasuredLevel> byLevel) {
        List<Crossing> out = new ArrayList<>();
        for (LevelCriterion criterion : criteria) {
            int lastHeld = 0;
            OptionalInt firstFailed = OptionalInt.empty();
            for (Map.Entry<Integer, MeasuredLevel> e : byLevel.entrySet()) {
                if (criterion.holds(e.getValue())) {
                    lastHeld = e.getKey();
                } else {
                    firstFailed = OptionalInt.of(e.getKey());
                    break;
                }
            }
            out.add(new Crossing(criterion.name(), lastHeld, firstFailed));
        }
        return out;
    }

    /** A level not yet measured: doubling above the highest, else the middle of the widest gap. */
    private int fill(TreeMap<Integer, MeasuredLevel> byLevel) {
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
