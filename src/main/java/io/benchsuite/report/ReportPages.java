package io.benchsuite.report;

import io.benchsuite.config.ServiceLevelObjectives;
import io.benchsuite.report.model.KeyNumbers;
import io.benchsuite.report.model.Pair;
import io.benchsuite.report.model.PairReport;
import io.benchsuite.report.model.ReportModel;
import io.benchsuite.report.model.SweepLevels;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code index.html} and the model card ({@code README.md}), rendered from the Qute templates under
 * {@code src/main/resources/templates/ReportPages/}: this class turns the {@link ReportModel} into the text
 * the pages show ({@link Page}), the templates lay it out. The templates are checked against these records
 * when the application is built, and the HTML page escapes every value by default.
 *
 * <p>Qute's engine is the one Quarkus sets up, so rendering needs the application running (the command
 * line, or a {@code @QuarkusTest}).
 */
public final class ReportPages {

    /** The pairs whose speed graphs the original's model card showed. */
    static final List<Pair> FEATURED_PAIRS = List.of(new Pair(4096, 128), new Pair(32, 16));

    /**
     * The parameter that gets its own table ({@link ReportModel#sweepLevels()}) rather than a row of the
     * parameters' table.
     */
    static final String SWEEP_LEVELS = "sweep_levels";

    private ReportPages() {}

    /** The original's two pairs when present, else the model card's reference pair, else the first pair. */
    static List<PairReport> featured(ReportModel model) {
        List<PairReport> featured = FEATURED_PAIRS.stream()
                .map(model::pair)
                .flatMap(Optional::stream)
                .toList();
        if (featured.isEmpty() && !model.pairs().isEmpty()) {
            return List.of(
                    model.pair(KeyNumbers.REFERENCE_PAIR).orElse(model.pairs().get(0)));
        }
        return featured;
    }

    /** The pages' templates: {@code templates/ReportPages/index.html} and {@code model_card.md}. */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Page page);

        static native TemplateInstance model_card(Page page);
    }

    /** Markdown only: a table cell keeps its row whole ({@code |} escaped, line breaks as spaces). */
    @TemplateExtension
    static String mdCell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /**
     * The self-contained HTML page: the PNGs embedded as base64 data URIs and the style inline, so the file
     * can be mailed or opened from a zip without a server and without fetching anything.
     *
     * @param images the PNG bytes of every graph drawn, by path relative to the report folder
     */
    static String index(ReportModel model, Map<String, byte[]> images) {
        return Templates.index(Page.of(model, images)).render();
    }

    /**
     * The model card: the original's sections (main metrics, total speed, generation speed and latency,
     * parameters), then the thresholds, the warnings and the notes. Every figure that lacks data reads NA,
     * and every graph that could not be drawn is replaced by a sentence saying why. Images are linked, not
     * embedded.
     */
    static String modelCard(ReportModel model) {
        return Templates.model_card(Page.of(model, Map.of())).render();
    }

    /** A table as text: header cells, then rows of cells. */
    public record Table(List<String> header, List<List<String>> rows) {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** A main-metrics row: what is measured and its value as shown (NA when missing). */
    public record Metric(String label, String value) {}

    /**
     * A graph of the report.
     *
     * @param path    its file, relative to the report folder
     * @param alt     the model card's alternative text
     * @param caption the HTML page's caption
     * @param dataUri the PNG as a {@code data:} URI for the HTML page; "" when it was not drawn (and for the
     *                model card, which links the file)
     */
    public record Graph(String path, String alt, String caption, String dataUri) {}

    /**
     * Everything both pages show, as text.
     *
     * @param totalSpeedDrawn whether some pair has a total speed (the model card links the graph then)
     * @param thresholds      no rows when no pair has a generation-speed result
     * @param featured        the model card's speed graphs
     * @param morePairs       whether pairs other than the featured ones have graphs
     * @param issues          no rows when no benchmark had failed requests or was interrupted
     * @param run             the server measured and whether the run was --quick; "" when not recorded
     * @param slo             the service-level objectives, as written back; "" when none
     * @param sweepLevels     each pair's levels and why each ran; no rows when the run did not record it
     */
    public record Page(
            String modelName,
            String gpuName,
            String speedThreshold,
            String kvCacheThreshold,
            List<Metric> mainMetrics,
            Table issues,
            List<String> notes,
            Graph totalSpeed,
            boolean totalSpeedDrawn,
            Graph ingestion,
            Table thresholds,
            String generationParagraph,
            List<Graph> speedGraphs,
            List<Graph> kvGraphs,
            List<Graph> featured,
            boolean morePairs,
            Table parameters,
            String speedFolder,
            String indexFile,
            String run,
            String slo,
            Table sweepLevels) {

        static Page of(ReportModel model, Map<String, byte[]> images) {
            List<Metric> metrics = Figures.mainMetrics(model.keyNumbers()).stream()
                    .map(row -> new Metric(row.get(0), row.get(1)))
                    .toList();
            Table issues = new Table(Figures.issueHeader(), Figures.issueRows(model));
            Table thresholds = new Table(Figures.thresholdHeader(model), Figures.thresholdRows(model));
            List<Graph> speed = model.pairs().stream()
                    .map(pair -> graph(
                            images,
                            ReportFiles.speedGraph(pair.pair()),
                            "Speed generation " + pair.pair(),
                            "Input length " + pair.pair().inputLength()
                                    + ", output length " + pair.pair().outputLength() + "; levels run: "
                                    + pair.levelsRun()
                                    + "."))
                    .toList();
            List<Graph> kv = model.kvProfiles().stream()
                    .map(profile -> graph(
                            images,
                            ReportFiles.kvGraph(profile.pair()),
                            "KV cache profile " + profile.pair(),
                            "Input length "
                                    + profile.pair().inputLength() + ", output length "
                                    + profile.pair().outputLength()
                                    + "."))
                    .toList();
            List<PairReport> featuredPairs = ReportPages.featured(model);
            List<Graph> featured = featuredPairs.stream()
                    .map(pair ->
                            graph(images, ReportFiles.speedGraph(pair.pair()), "Speed generation " + pair.pair(), ""))
                    .toList();
            List<List<String>> parameters = new ArrayList<>();
            model.parameters().forEach((key, value) -> {
                if (!key.equals(SWEEP_LEVELS)) { // its own table: a map of lists printed raw reads as noise
                    parameters.add(List.of(key, Figures.parameter(value)));
                }
            });
            return new Page(
                    model.modelName(),
                    model.gpuName(),
                    Figures.number(model.speedThreshold()),
                    Figures.number(model.kvCacheThreshold()),
                    metrics,
                    issues,
                    model.notes(),
                    graph(
                            images,
                            ReportFiles.TOTAL_SPEED_GRAPH,
                            "Total speed generation",
                            "Tokens generated per "
                                    + "second by the server, all requests together, per number of parallel requests."),
                    model.pairs().stream().anyMatch(p -> p.totalSpeed().isPresent()),
                    graph(
                            images,
                            ReportFiles.INGESTION_GRAPH,
                            "Prompt ingestion",
                            "Time to first token against "
                                    + "prompt length; the inverse of the fitted slope is the ingestion speed."),
                    thresholds,
                    Figures.generationParagraph(),
                    speed,
                    kv,
                    featured,
                    model.pairs().size() > featuredPairs.size(),
                    new Table(List.of("Parameter", "Value"), parameters),
                    ReportFiles.SPEED_FOLDER,
                    ReportFiles.INDEX,
                    run(model.parameters()),
                    model.slo().map(ServiceLevelObjectives::text).orElse(""),
                    sweepLevels(model.sweepLevels()));
        }

        /**
         * The sweep levels as a table: one row per level run, pair by pair (levels increasing), with why it ran
         * (the adaptive sweep's reason, or "grid").
         *
         * @return no rows when nothing was recorded
         */
        static Table sweepLevels(SweepLevels levels) {
            return new Table(
                    List.of("Pair", "Parallel requests", "Why it ran"),
                    levels.rows().stream()
                            .map(row -> List.of(
                                    SweepLevels.key(row.pair()), String.valueOf(row.parallelRequests()), row.reason()))
                            .toList());
        }

        /** Against which server, and whether --quick scaled the run down; "" when the raw results do not say. */
        static String run(Map<String, Object> parameters) {
            String text = parameters.get("base_url") instanceof String url ? "Measured against " + url + "." : "";
            if (Boolean.TRUE.equals(parameters.get("quick"))) {
                text += (text.isEmpty() ? "" : " ") + "Quick run (--quick): durations, request counts and levels "
                        + "were scaled down, so these figures are a first look, not a full measurement.";
            }
            return text;
        }

        private static Graph graph(Map<String, byte[]> images, String path, String alt, String caption) {
            byte[] png = images.get(path);
            return new Graph(
                    path,
                    alt,
                    caption,
                    png == null
                            ? ""
                            : "data:image/png;base64," + Base64.getEncoder().encodeToString(png));
        }
    }
}
