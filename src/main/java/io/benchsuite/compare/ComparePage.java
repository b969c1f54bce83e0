package io.benchsuite.compare;

import io.benchsuite.compare.RunFigures.LevelFigures;
import io.benchsuite.compare.RunFigures.PairFigures;
import io.benchsuite.report.chart.ComparisonChart;
import io.benchsuite.report.model.Pair;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * {@code compare.html}, rendered from {@code templates/ComparePage/compare.html}: the verdict, the table of
 * {@link ComparisonTable}, and per pair both runs have the two runs' median speed and median time to first
 * token against the number of parallel requests, each on one chart. Self-contained: the PNGs are embedded.
 * Rendering needs the application running (Qute's engine is the one Quarkus sets up).
 */
public final class ComparePage {

    private ComparePage() {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance compare(Page page);
    }

    /** A table row: whether its verdict is worse, and its cells. */
    public record TableRow(boolean worse, List<String> cells) {}

    /** A chart: its alternative text and its PNG as a {@code data:} URI. */
    public record Chart(String alt, String dataUri) {}

    /**
     * The page as text.
     *
     * @param runA    run A's label
     * @param runB    run B's label
     * @param verdict the verdict sentence
     * @param worse   whether B is worse
     * @param header  the table's header
     * @param rows    the table's rows
     * @param notes   pairs only one run has
     * @param charts  two per pair in common
     */
    public record Page(
            String runA,
            String runB,
            String verdict,
            boolean worse,
            List<String> header,
            List<TableRow> rows,
            List<String> notes,
            List<Chart> charts) {}

    /** The HTML page. */
    public static String render(RunFigures a, RunFigures b, RunComparison comparison) {
        List<String> notes = new ArrayList<>();
        if (!comparison.onlyInA().isEmpty()) {
            notes.add("Pairs only in A, not compared: " + comparison.onlyInA() + ".");
        }
        if (!comparison.onlyInB().isEmpty()) {
            notes.add("Pairs only in B, not compared: " + comparison.onlyInB() + ".");
        }
        List<Chart> charts = new ArrayList<>();
        for (PairFigures pa : a.pairs().values()) {
            PairFigures pb = b.pairs().get(pa.pair());
            if (pb == null) {
                continue;
            }
            charts.add(
                    chart(pa.pair(), "Median speed per request (tokens/s)", a, pa, b, pb, LevelFigures::medianSpeed));
            charts.add(
                    chart(pa.pair(), "Median time to first token (ms)", a, pa, b, pb, LevelFigures::medianTtftMillis));
        }
        Page page = new Page(
                a.label(),
                b.label(),
                ComparisonTable.verdict(a, b, comparison),
                comparison.worse(),
                ComparisonTable.HEADER,
                comparison.rows().stream()
                        .map(row -> new TableRow(
                                row.verdict() == RunComparison.Verdict.WORSE, ComparisonTable.cells(row, false)))
                        .toList(),
                notes,
                charts);
        return Templates.compare(page).render();
    }

    private static Chart chart(
            Pair pair,
            String what,
            RunFigures a,
            PairFigures pa,
            RunFigures b,
            PairFigures pb,
            Function<LevelFigures, OptionalDouble> figure) {
        String title = what + " | input " + pair.inputLength() + " | output " + pair.outputLength();
        byte[] png = ComparisonChart.draw(
                title, what, curve("A: " + a.label(), pa, figure), curve("B: " + b.label(), pb, figure));
        return new Chart(title, "data:image/png;base64," + Base64.getEncoder().encodeToString(png));
    }

    private static ComparisonChart.Curve curve(
            String label, PairFigures pair, Function<LevelFigures, OptionalDouble> figure) {
        List<Integer> levels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        pair.levels()
                .forEach((n, level) -> figure.apply(level).ifPresent(v -> {
                    levels.add(n);
                    values.add(v);
                }));
        return new ComparisonChart.Curve(label, levels, values);
    }
}
