package io.benchsuite.compare;

import io.benchsuite.compare.RunComparison.Row;
import java.util.List;
import java.util.Locale;

/** The comparison as a Markdown table with a verdict line, for stdout; pure. */
public final class ComparisonTable {

    static final List<String> HEADER = List.of("Input", "Output", "Figure", "A", "B", "B vs A", "Verdict");

    private ComparisonTable() {}

    /** The header cells, then one row of cells per compared figure. */
    static List<List<String>> rows(RunComparison comparison) {
        return comparison.rows().stream().map(row -> cells(row, true)).toList();
    }

    /** One row's cells; Markdown marks a worse verdict in bold. */
    static List<String> cells(Row row, boolean markdown) {
        return List.of(
                String.valueOf(row.pair().inputLength()),
                String.valueOf(row.pair().outputLength()),
                row.figure(),
                row.a(),
                row.b(),
                row.change(),
                markdown && row.verdict() == RunComparison.Verdict.WORSE
                        ? "**worse**"
                        : row.verdict().word());
    }

    /** The one-sentence verdict: whether B is worse, and where. */
    public static String verdict(RunFigures a, RunFigures b, RunComparison comparison) {
        String tolerance =
                String.format(Locale.ROOT, "%.4g", comparison.tolerance() * 100).replaceAll("\\.?0+$", "") + " %";
        if (!comparison.worse()) {
            return "B (" + b.label() + ") is not worse than A (" + a.label() + "): no threshold or capacity is lower, "
                    + "and no median speed or TTFT is worse by more than " + tolerance + ".";
        }
        List<Row> worse = comparison.worseRows();
        return "B (" + b.label() + ") is worse than A (" + a.label() + ") in " + worse.size() + " figure"
                + (worse.size() == 1 ? "" : "s") + " (tolerance " + tolerance + "), first: "
                + worse.get(0).figure()
                + " of pair " + worse.get(0).pair() + ".";
    }

    /** The Markdown text: the verdict, the table, and the pairs only one run has. */
    public static String markdown(RunFigures a, RunFigures b, RunComparison comparison) {
        StringBuilder out = new StringBuilder();
        out.append(verdict(a, b, comparison)).append("\n\n");
        out.append('|');
        HEADER.forEach(cell -> out.append(' ').append(cell).append(" |"));
        out.append("\n|");
        HEADER.forEach(cell -> out.append("---|"));
        out.append('\n');
        for (List<String> row : rows(comparison)) {
            out.append('|');
            row.forEach(cell -> out.append(' ').append(cell.replace("|", "\\|")).append(" |"));
            out.append('\n');
        }
        if (!comparison.onlyInA().isEmpty()) {
            out.append("\nPairs only in A, not compared: ")
                    .append(comparison.onlyInA())
                    .append('\n');
        }
        if (!comparison.onlyInB().isEmpty()) {
            out.append("\nPairs only in B, not compared: ")
                    .append(comparison.onlyInB())
                    .append('\n');
        }
        return out.toString();
    }
}
