package io.benchsuite.report;

import io.benchsuite.report.model.KeyNumbers;
import io.benchsuite.report.model.Pair;
import io.benchsuite.report.model.PairReport;
import io.benchsuite.report.model.ReportModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code README.md}, the model card: the original's sections (main metrics, total speed, generation speed
 * and latency, parameters), then the thresholds, the warnings and the notes. Every figure that lacks data
 * reads NA, and every graph that could not be drawn is replaced by a sentence saying why.
 */
final class ModelCard {

    /** The pairs whose speed graphs the original's model card showed. */
    static final List<Pair> FEATURED_PAIRS = List.of(new Pair(4096, 128), new Pair(32, 16));

    private ModelCard() {
    }

    static String render(ReportModel model) {
        StringBuilder md = new StringBuilder();
        md.append("# Model card for ").append(model.modelName()).append(" on ").append(model.gpuName()).append("\n\n");
        md.append("## Main metrics\n\n");
        md.append(table(List.of("Metric", "Value"), Figures.mainMetrics(model.keyNumbers())));
        md.append("\n## Total generation speed\n\n");
        if (model.pairs().stream().anyMatch(p -> p.totalSpeed().isPresent())) {
            md.append("Tokens generated per second by the server, all requests together.\n\n");
            md.append(image(ReportFiles.TOTAL_SPEED_GRAPH, "Total speed generation"));
        } else {
            md.append("No generation-speed result, so no total-speed graph.\n");
        }
        md.append("\n## Generation speed and latency\n\n").append(Figures.generationParagraph()).append("\n\n");
        List<PairReport> featured = featured(model);
        if (featured.isEmpty()) {
            md.append("No generation-speed result, so no speed graph.\n");
        }
        for (PairReport pair : featured) {
            md.append(image(ReportFiles.speedGraph(pair.pair()), "Speed generation " + pair.pair()));
        }
        if (model.pairs().size() > featured.size()) {
            md.append("\nThe graphs of every pair are in `").append(ReportFiles.SPEED_FOLDER)
                    .append("/` and in `").append(ReportFiles.INDEX).append("`.\n");
        }
        if (!model.pairs().isEmpty()) {
            md.append("\n## Thresholds\n\n");
            md.append("\"Largest N\" is the original tool's reading (the largest qualifying level, wherever it is); "
                    + "\"last N before first failure\" walks up the levels and stops at the first that fails.\n\n");
            md.append(table(Figures.thresholdHeader(model), Figures.thresholdRows(model)));
        }
        md.append("\n## Parameters\n\n");
        List<List<String>> parameters = new ArrayList<>();
        for (Map.Entry<String, Object> entry : model.parameters().entrySet()) {
            parameters.add(List.of(entry.getKey(), Figures.parameter(entry.getValue())));
        }
        md.append(table(List.of("Parameter", "Value"), parameters));
        if (!model.issues().isEmpty()) {
            md.append("\n## Warnings\n\n");
            md.append("Benchmarks with failed requests, interrupted before their end, or measured by a client that stalled:\n\n");
            md.append(table(Figures.issueHeader(), Figures.issueRows(model)));
        }
        if (!model.notes().isEmpty()) {
            md.append("\n## Notes\n\n");
            model.notes().forEach(note -> md.append("- ").append(note).append('\n'));
        }
        return md.toString();
    }

    /** The original's two pairs when present, else the model card's reference pair, else the first pair. */
    static List<PairReport> featured(ReportModel model) {
        List<PairReport> featured = FEATURED_PAIRS.stream().map(model::pair).flatMap(java.util.Optional::stream)
                .toList();
        if (featured.isEmpty() && !model.pairs().isEmpty()) {
            return List.of(model.pair(KeyNumbers.REFERENCE_PAIR).orElse(model.pairs().get(0)));
        }
        return featured;
    }

    private static String image(String path, String alt) {
        return "<img src=\"./" + path + "\" alt=\"" + alt + "\" width=\"800\">\n\n";
    }

    private static String table(List<String> header, List<List<String>> rows) {
        StringBuilder md = new StringBuilder(row(header));
        md.append(header.stream().map(h -> "---").collect(Collectors.joining("|", "|", "|"))).append('\n');
        rows.forEach(r -> md.append(row(r)));
        return md.toString();
    }

    private static String row(List<String> cells) {
        return cells.stream().map(c -> c.replace("|", "\\|").replace("\n", " "))
                .collect(Collectors.joining(" | ", "| ", " |")) + "\n";
    }
}
