package io.benchsuite.report;

import io.benchsuite.report.model.KvProfileReport;
import io.benchsuite.report.model.PairReport;
import io.benchsuite.report.model.ReportModel;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * {@code index.html}: the whole report as one self-contained page. The PNGs are embedded as base64 data
 * URIs and the style is inline, so the file can be mailed or opened from a zip without a server and without
 * fetching anything.
 */
final class HtmlPage {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:0;color:#222;\
            background:#f6f7f9}
            main{max-width:1200px;margin:0 auto;padding:24px}
            h1{font-size:1.7em;margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:1px solid #ddd;padding-bottom:.2em}
            .subtitle{color:#555;margin-top:0}
            .cards{display:flex;flex-wrap:wrap;gap:16px}
            .card{background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px 16px;flex:1 1 250px}
            .card .label{color:#555;font-size:.9em}.card .value{font-size:1.5em;font-weight:600;margin-top:4px}
            table{border-collapse:collapse;background:#fff;margin:8px 0}
            th,td{border:1px solid #ccc;padding:4px 10px;text-align:left;vertical-align:top}
            th{background:#eef1f5}
            figure{margin:16px 0;background:#fff;border:1px solid #ddd;border-radius:8px;padding:8px}
            figure img{width:100%;height:auto}figcaption{color:#555;font-size:.9em}
            .warning{background:#fff4e5;border:1px solid #f0b060;border-radius:8px;padding:8px 16px}
            """;

    private HtmlPage() {
    }

    /** @param images the PNG bytes of every graph drawn, by path relative to the report folder */
    static String render(ReportModel model, Map<String, byte[]> images) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape("Benchmark report: " + model.modelName())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        html.append("<h1>Model card for ").append(escape(model.modelName())).append(" on ")
                .append(escape(model.gpuName())).append("</h1>\n");
        html.append("<p class=\"subtitle\">Speed threshold ").append(Figures.number(model.speedThreshold()))
                .append(" tokens/s per request, KV-cache threshold ").append(Figures.number(model.kvCacheThreshold()))
                .append(".</p>\n");
        html.append("<h2>Main metrics</h2>\n<div class=\"cards\">\n");
        for (List<String> metric : Figures.mainMetrics(model.keyNumbers())) {
            html.append("<div class=\"card\"><div class=\"label\">").append(escape(metric.get(0)))
                    .append("</div><div class=\"value\">").append(escape(metric.get(1))).append("</div></div>\n");
        }
        html.append("</div>\n");
        if (!model.issues().isEmpty()) {
            html.append("<h2>Warnings</h2>\n<div class=\"warning\"><p>Benchmarks with failed requests or "
                    + "interrupted before their end, or measured by a client that stalled:</p>\n");
            html.append(table(Figures.issueHeader(), Figures.issueRows(model))).append("</div>\n");
        }
        if (!model.notes().isEmpty()) {
            html.append("<h2>Notes</h2>\n<ul>\n");
            model.notes().forEach(note -> html.append("<li>").append(escape(note)).append("</li>\n"));
            html.append("</ul>\n");
        }
        html.append("<h2>Total generation speed</h2>\n");
        figure(html, images, ReportFiles.TOTAL_SPEED_GRAPH, "Tokens generated per second by the server, all "
                + "requests together, per number of parallel requests.");
        html.append("<h2>Prompt ingestion</h2>\n");
        figure(html, images, ReportFiles.INGESTION_GRAPH, "Time to first token against prompt length; the "
                + "inverse of the fitted slope is the ingestion speed.");
        html.append("<h2>Thresholds</h2>\n");
        if (model.pairs().isEmpty()) {
            html.append("<p>No generation-speed result, so no thresholds.</p>\n");
        } else {
            html.append(table(Figures.thresholdHeader(model), Figures.thresholdRows(model)));
        }
        html.append("<h2>Generation speed and latency</h2>\n<p>").append(escape(Figures.generationParagraph()))
                .append("</p>\n");
        for (PairReport pair : model.pairs()) {
            figure(html, images, ReportFiles.speedGraph(pair.pair()), "Input length " + pair.pair().inputLength()
                    + ", output length " + pair.pair().outputLength() + "; levels run: " + pair.levelsRun() + ".");
        }
        if (!model.kvProfiles().isEmpty()) {
            html.append("<h2>KV-cache profiles</h2>\n");
            for (KvProfileReport profile : model.kvProfiles()) {
                figure(html, images, ReportFiles.kvGraph(profile.pair()), "Input length "
                        + profile.pair().inputLength() + ", output length " + profile.pair().outputLength() + ".");
            }
        }
        html.append("<h2>Parameters</h2>\n");
        List<List<String>> parameters = new ArrayList<>();
        model.parameters().forEach((key, value) -> parameters.add(List.of(key, Figures.parameter(value))));
        html.append(table(List.of("Parameter", "Value"), parameters));
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void figure(StringBuilder html, Map<String, byte[]> images, String path, String caption) {
        byte[] png = images.get(path);
        if (png == null) {
            html.append("<p>No graph: the data it needs is missing (see the notes).</p>\n");
            return;
        }
        html.append("<figure><img alt=\"").append(escape(path)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption>").append(escape(caption))
                .append("</figcaption></figure>\n");
    }

    private static String table(List<String> header, List<List<String>> rows) {
        StringBuilder html = new StringBuilder("<table>\n<thead><tr>");
        header.forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
