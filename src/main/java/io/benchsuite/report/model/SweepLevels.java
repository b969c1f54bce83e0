package io.benchsuite.report.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why each level of each pair's generation-speed sweep ran, as the raw results recorded it: the rows of the
 * report's sweep-levels table and, through {@link #asParameter()}, {@code parameters.json}'s {@code sweep_levels}.
 *
 * @param pairs every pair with a generation-speed result (kept or with too few valid queries), in pair order;
 *              a pair none of whose levels recorded a reason has no row but still a (empty) list in
 *              {@code sweep_levels}
 * @param rows  one per level that recorded why it ran, pair by pair in pair order, levels increasing
 */
public record SweepLevels(List<Pair> pairs, List<Row> rows) {

    /** Nothing recorded: results written before the sweep was, or no generation-speed result. */
    public static final SweepLevels NONE = new SweepLevels(List.of(), List.of());

    /**
     * One level run.
     *
     * @param pair             the pair swept
     * @param parallelRequests the level, in parallel requests
     * @param reason           the adaptive sweep's {@code sweep_reason}, or {@code "grid"} for a grid sweep's level
     */
    public record Row(Pair pair, int parallelRequests, String reason) {}

    public SweepLevels {
        pairs = List.copyOf(pairs);
        rows = List.copyOf(rows);
    }

    /** Whether any level recorded why it ran; without, the report has no sweep-levels table nor parameter. */
    public boolean recorded() {
        return !rows.isEmpty();
    }

    /**
     * The {@code sweep_levels} value of {@code parameters.json}: {@link #key(Pair)} to a list of
     * {@code {"parallel_requests": n, "reason": "..."}}, in the order of {@link #pairs} and {@link #rows}.
     */
    public Map<String, List<Map<String, Object>>> asParameter() {
        Map<String, List<Map<String, Object>>> byPair = new LinkedHashMap<>();
        pairs.forEach(pair -> byPair.put(key(pair), new ArrayList<>()));
        for (Row row : rows) {
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("parallel_requests", row.parallelRequests());
            level.put("reason", row.reason());
            byPair.computeIfAbsent(key(row.pair()), k -> new ArrayList<>()).add(level);
        }
        return byPair;
    }

    /** A pair as {@code sweep_levels} and the table name it: {@code "input I, output O"}. */
    public static String key(Pair pair) {
        return "input " + pair.inputLength() + ", output " + pair.outputLength();
    }
}
