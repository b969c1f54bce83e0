package io.benchsuite.compare;

import io.benchsuite.report.model.LevelReport;
import io.benchsuite.report.model.Pair;
import io.benchsuite.report.model.PairReport;
import io.benchsuite.report.model.Quartiles;
import io.benchsuite.report.model.ReportModel;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@code compare} reads of one run, per pair: the thresholds, the capacity under the service-level
 * objectives, and the median speed and time to first token of each level kept by the report's validity filter.
 *
 * @param label the run as the table names it (its folder)
 * @param pairs by pair, sorted
 */
public record RunFigures(String label, SortedMap<Pair, PairFigures> pairs) {

    /**
     * One level.
     *
     * @param medianSpeed      median per-request {@code speed_from_beginning}, tokens/s; empty without valid request
     * @param medianTtftMillis median time to first token, milliseconds; empty without valid request
     */
    public record LevelFigures(OptionalDouble medianSpeed, OptionalDouble medianTtftMillis) {}

    /**
     * One pair.
     *
     * @param speedThreshold   largest N whose median request reaches the speed threshold (0 when none)
     * @param kvCacheThreshold largest N whose KV cache stays below its threshold; empty without KV metrics
     * @param sloCapacity      largest N at which every objective holds; empty without objectives or records
     * @param levels           by N, increasing
     */
    public record PairFigures(
            Pair pair,
            int speedThreshold,
            OptionalInt kvCacheThreshold,
            OptionalInt sloCapacity,
            SortedMap<Integer, LevelFigures> levels) {
        public PairFigures {
            levels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(levels));
        }
    }

    public RunFigures {
        pairs = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(pairs));
    }

    /** The figures of a report model. */
    public static RunFigures of(String label, ReportModel model) {
        SortedMap<Pair, PairFigures> pairs = new TreeMap<>();
        for (PairReport pair : model.pairs()) {
            SortedMap<Integer, LevelFigures> levels = new TreeMap<>();
            for (LevelReport level : pair.levels()) {
                levels.put(
                        level.parallelRequests(), new LevelFigures(median(level.speed()), median(level.ttftMillis())));
            }
            pairs.put(
                    pair.pair(),
                    new PairFigures(
                            pair.pair(),
                            pair.speedThreshold().largestQualifying(),
                            pair.kvCacheThreshold()
                                    .map(t -> OptionalInt.of(t.largestQualifying()))
                                    .orElse(OptionalInt.empty()),
                            pair.slo()
                                    .map(s -> OptionalInt.of(s.capacity().largestQualifying()))
                                    .orElse(OptionalInt.empty()),
                            levels));
        }
        return new RunFigures(label, pairs);
    }

    private static OptionalDouble median(Optional<Quartiles> quartiles) {
        return quartiles.map(q -> OptionalDouble.of(q.median())).orElse(OptionalDouble.empty());
    }

    /** Whether the run has this pair. */
    public boolean has(Pair pair) {
        return pairs.containsKey(pair);
    }

    Map<Pair, PairFigures> byPair() {
        return pairs;
    }
}
