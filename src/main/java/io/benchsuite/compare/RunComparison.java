package io.benchsuite.compare;

import io.benchsuite.compare.RunFigures.LevelFigures;
import io.benchsuite.compare.RunFigures.PairFigures;
import io.benchsuite.config.UsageException;
import io.benchsuite.report.model.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The decision of {@code bench-suite compare}: is run B worse than run A? Pure.
 *
 * <p>Per pair both runs have: B is worse when its speed threshold, its KV-cache threshold (when both runs
 * have KV metrics) or its capacity under the service-level objectives (when both have one) is a lower level
 * than A's, or when, at a level both ran, its median speed is lower than A's by more than the tolerance or its
 * median time to first token higher by more than the tolerance (relative to A's value).
 *
 * @param rows     every figure compared, pair by pair, in the table's order
 * @param onlyInA  pairs only run A has (not compared)
 * @param onlyInB  pairs only run B has (not compared)
 * @param tolerance the relative tolerance used, 0-1
 */
public record RunComparison(List<Row> rows, List<Pair> onlyInA, List<Pair> onlyInB, double tolerance) {

    /** How B's figure stands against A's. */
    public enum Verdict {
        SAME,
        BETTER,
        WORSE;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One compared figure.
     *
     * @param pair    the pair
     * @param figure  what is compared, e.g. "speed threshold (largest N)" or "median speed at N=4 (tokens/s)"
     * @param a       A's value as shown
     * @param b       B's value as shown
     * @param change  B against A: a difference of levels ("-2") or a relative change ("-12.5 %")
     * @param verdict the verdict
     */
    public record Row(Pair pair, String figure, String a, String b, String change, Verdict verdict) {}

    public RunComparison {
        rows = List.copyOf(rows);
        onlyInA = List.copyOf(onlyInA);
        onlyInB = List.copyOf(onlyInB);
    }

    /** True when some figure of B is worse than A's. */
    public boolean worse() {
        return rows.stream().anyMatch(r -> r.verdict() == Verdict.WORSE);
    }

    public List<Row> worseRows() {
        return rows.stream().filter(r -> r.verdict() == Verdict.WORSE).toList();
    }

    /**
     * Compares B with A.
     *
     * @param tolerance relative tolerance for speeds and TTFTs, 0 to below 1 (0.05 for 5 %)
     * @throws IllegalArgumentException when the runs have no pair in common
     */
    public static RunComparison of(RunFigures a, RunFigures b, double tolerance) {
        List<Row> rows = new ArrayList<>();
        List<Pair> onlyInA = a.pairs().keySet().stream().filter(p -> !b.has(p)).toList();
        List<Pair> onlyInB = b.pairs().keySet().stream().filter(p -> !a.has(p)).toList();
        for (PairFigures pa : a.pairs().values()) {
            PairFigures pb = b.pairs().get(pa.pair());
            if (pb == null) {
                continue;
            }
            rows.add(level(pa.pair(), "speed threshold (largest N)", pa.speedThreshold(), pb.speedThreshold()));
            both(pa.kvCacheThreshold(), pb.kvCacheThreshold())
                    .ifPresent(v -> rows.add(level(pa.pair(), "KV-cache threshold (largest N)", v[0], v[1])));
            both(pa.sloCapacity(), pb.sloCapacity())
                    .ifPresent(v -> rows.add(level(pa.pair(), "SLO capacity (largest N)", v[0], v[1])));
            for (var entry : pa.levels().entrySet()) {
                LevelFigures lb = pb.levels().get(entry.getKey());
                if (lb == null) {
                    continue;
                }
                LevelFigures la = entry.getValue();
                int n = entry.getKey();
                relative(
                                pa.pair(),
                                "median speed at N=" + n + " (tokens/s)",
                                la.medianSpeed(),
                                lb.medianSpeed(),
                                true,
                                tolerance)
                        .ifPresent(rows::add);
                relative(
                                pa.pair(),
                                "median TTFT at N=" + n + " (ms)",
                                la.medianTtftMillis(),
                                lb.medianTtftMillis(),
                                false,
                                tolerance)
                        .ifPresent(rows::add);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no pair in common");
        }
        return new RunComparison(rows, onlyInA, onlyInB, tolerance);
    }

    /**
     * The tolerance as the user writes it, a percentage with or without its sign: {@code 5%} or {@code 5}
     * give 0.05. From 0 to below 100.
     *
     * @throws UsageException naming the value and the fix
     */
    public static double tolerance(String text) {
        String number = text.strip();
        if (number.endsWith("%")) {
            number = number.substring(0, number.length() - 1).strip();
        }
        double percent;
        try {
            percent = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            percent = Double.NaN;
        }
        if (!(percent >= 0 && percent < 100)) {
            throw new UsageException("Invalid --tolerance '" + text + "': it must be a percentage from 0 to below 100;"
                    + " write e.g. --tolerance 5%");
        }
        return percent / 100;
    }

    private static java.util.Optional<int[]> both(OptionalInt a, OptionalInt b) {
        return a.isPresent() && b.isPresent()
                ? java.util.Optional.of(new int[] {a.getAsInt(), b.getAsInt()})
                : java.util.Optional.empty();
    }

    /** A level threshold: any lower level is worse, whatever the tolerance (levels are whole steps). */
    private static Row level(Pair pair, String figure, int a, int b) {
        Verdict verdict = b < a ? Verdict.WORSE : b > a ? Verdict.BETTER : Verdict.SAME;
        String change = b == a ? "0" : (b > a ? "+" : "") + (b - a);
        return new Row(pair, figure, String.valueOf(a), String.valueOf(b), change, verdict);
    }

    /** A figure compared relative to A's value; empty when either run has none. */
    private static java.util.Optional<Row> relative(
            Pair pair, String figure, OptionalDouble a, OptionalDouble b, boolean higherIsBetter, double tolerance) {
        if (a.isEmpty() || b.isEmpty()) {
            return java.util.Optional.empty();
        }
        double va = a.getAsDouble();
        double vb = b.getAsDouble();
        Verdict verdict;
        if (vb < va * (1 - tolerance)) {
            verdict = higherIsBetter ? Verdict.WORSE : Verdict.BETTER;
        } else if (vb > va * (1 + tolerance)) {
            verdict = higherIsBetter ? Verdict.BETTER : Verdict.WORSE;
        } else {
            verdict = Verdict.SAME;
        }
        String change = va == 0 ? "-" : String.format(Locale.ROOT, "%+.1f %%", (vb - va) / va * 100);
        return java.util.Optional.of(new Row(pair, figure, format(va), format(vb), change, verdict));
    }

    static String format(double value) {
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : "%.1f", value);
    }
}
